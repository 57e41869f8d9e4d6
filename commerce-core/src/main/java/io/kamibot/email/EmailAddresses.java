package io.kamibot.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Buyers' addresses and their confirmation. Asking for a new address replaces the old one, which stops being used
 * until the new one is confirmed. A customer may ask at most once a minute, so the shop cannot be made to mail a
 * stranger again and again.
 */
@Service
public class EmailAddresses {

	/** How long a confirmation link works. */
	public static final Duration LINK_VALIDITY = Duration.ofHours(24);
	static final Duration BETWEEN_REQUESTS = Duration.ofMinutes(1);
	/** Local part, one @, a domain with a dot; no spaces, no angle brackets, no quotes: what shops accept. */
	private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	private final MongoTemplate mongo;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	EmailAddresses(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** An address waiting for its confirmation: as stored (lower case), and the token of its link. */
	public record Requested(String address, String token) {
	}

	/**
	 * Records an unconfirmed address for the customer and returns it with the token of its confirmation link, or
	 * nothing when the customer asked less than a minute ago.
	 *
	 * @throws InvalidEmail when the text is not an address
	 */
	public Optional<Requested> request(String customerId, String address) {
		if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
			throw new InvalidEmail();
		}
		Instant now = clock.instant();
		EmailAddress previous = mongo.findById(customerId, EmailAddress.class);
		if (previous != null && previous.requestedAt() != null
				&& previous.requestedAt().isAfter(now.minus(BETWEEN_REQUESTS))) {
			return Optional.empty();
		}
		byte[] secret = new byte[24];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String stored = address.toLowerCase(Locale.ROOT);
		mongo.save(new EmailAddress(customerId, stored, hash(token), now, null));
		return Optional.of(new Requested(stored, token));
	}

	/** Confirms the address whose link carries this token; the link then works no more. */
	public Optional<EmailAddress> confirm(String token) {
		if (token == null || token.isBlank() || token.length() > 64) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Query unused = Query.query(where("tokenHash").is(hash(token)).and("requestedAt").gt(now.minus(LINK_VALIDITY)));
		return Optional.ofNullable(mongo.findAndModify(unused,
				new Update().set("confirmedAt", now).unset("tokenHash"),
				FindAndModifyOptions.options().returnNew(true), EmailAddress.class));
	}

	/** The customer's address, whether confirmed or not. */
	public Optional<EmailAddress> find(String customerId) {
		return Optional.ofNullable(mongo.findById(customerId, EmailAddress.class));
	}

	/** The address codes go to: only a confirmed one. */
	public Optional<String> confirmed(String customerId) {
		return find(customerId).filter(EmailAddress::confirmed).map(EmailAddress::address);
	}

	/** Stops mailing the customer; {@code false} when there was no address. */
	public boolean forget(String customerId) {
		return mongo.remove(Query.query(where("_id").is(customerId)), EmailAddress.class).getDeletedCount() > 0;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java has SHA-256", e);
		}
	}
}
