package io.kamibot.resellers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kamibot.vault.SigningKey;
import io.kamibot.vault.Vault;
import io.kamibot.wallet.Wallets;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reseller accounts: creating and changing them, their Open API keys and the chats linked to them.
 */
@Service
public class Resellers {

	static final Duration LINK_VALIDITY = Duration.ofHours(24);
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private final MongoTemplate mongo;
	private final Vault vault;
	private final Wallets wallets;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Resellers(MongoTemplate mongo, Vault vault, Wallets wallets, Clock clock) {
		this.mongo = mongo;
		this.vault = vault;
		this.wallets = wallets;
		this.clock = clock;
	}

	/**
	 * Creates the reseller or changes the fields the draft names, and hands out a fresh one-time link code.
	 *
	 * @throws IllegalArgumentException for a new reseller without name or level, an unknown parent, or a second
	 *     level of sub-resellers
	 */
	public Saved save(String id, ResellerDraft draft) {
		Instant now = clock.instant();
		Reseller current = mongo.findById(id, Reseller.class);
		if (current == null && (draft.name() == null || draft.level() == null)) {
			throw new IllegalArgumentException("A new reseller needs a name and a level");
		}
		String parent = draft.parentId() == null ? current == null ? null : current.parentId()
				: draft.parentId().isEmpty() ? null : draft.parentId();
		checkParent(id, parent);
		Reseller next = current == null
				? new Reseller(id, draft.name(), draft.level(), or(draft.status(), ResellerStatus.ACTIVE),
						or(draft.creditLimitFen(), 0L), parent, null, null, draft.lowBalanceFen(), now, now)
				: new Reseller(id, or(draft.name(), current.name()), or(draft.level(), current.level()),
						or(draft.status(), current.status()), or(draft.creditLimitFen(), current.creditLimitFen()),
						parent, current.keyId(), current.secret(), or(draft.lowBalanceFen(), current.lowBalanceFen()),
						current.createdAt(), now);
		mongo.save(next);
		wallets.setCreditLimit(next.walletId(), next.creditLimitFen());
		return new Saved(next, newLinkCode(id));
	}

	public Optional<Reseller> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Reseller.class));
	}

	public Reseller get(String id) {
		return find(id).orElseThrow(() -> new UnknownReseller(id));
	}

	/** Every reseller by id, at most {@code limit} of them. */
	public List<Reseller> all(int limit) {
		return mongo.find(new Query().with(Sort.by("_id")).limit(limit), Reseller.class);
	}

	/** Issues a new Open API key; the one before stops working. The secret is in the answer and nowhere else in clear. */
	public ApiKey issueKey(String id) {
		get(id);
		SigningKey key = vault.newSigningKey("kb_");
		mongo.updateFirst(Query.query(where("_id").is(id)),
				new Update().set("keyId", key.keyId()).set("secret", key.sealed()).set("updatedAt", clock.instant()),
				Reseller.class);
		return new ApiKey(key.keyId(), key.secret());
	}

	/** The reseller holding an API key, with its secret opened to check a signature. */
	public Optional<KeyHolder> byKey(String keyId) {
		return Optional.ofNullable(mongo.findOne(Query.query(where("keyId").is(keyId)), Reseller.class))
			.map(r -> new KeyHolder(r, vault.open(r.secret())));
	}

	/** A fresh one-time code for {@code /link}, valid for a day. */
	public String newLinkCode(String id) {
		String code = token(10);
		mongo.insert(new ResellerLink(vault.fingerprint(code), id, clock.instant().plus(LINK_VALIDITY), null, null));
		return code;
	}

	/**
	 * Links the customer's chat to the reseller whose code it is. The code works once.
	 *
	 * @throws InvalidLinkCode when the code is unknown, used or expired
	 */
	public Reseller link(String code, String customerId) {
		Instant now = clock.instant();
		ResellerLink link = mongo.findAndModify(
				Query.query(where("_id").is(vault.fingerprint(code.strip().toUpperCase(Locale.ROOT)))
					.and("usedBy").is(null).and("expiresAt").gt(now)),
				new Update().set("usedBy", customerId).set("usedAt", now), FindAndModifyOptions.options().returnNew(true),
				ResellerLink.class);
		if (link == null) {
			throw new InvalidLinkCode();
		}
		mongo.save(new ResellerMember(customerId, link.resellerId(), now));
		return get(link.resellerId());
	}

	/** The reseller the customer's chat acts for. */
	public Optional<Reseller> linkedTo(String customerId) {
		return Optional.ofNullable(mongo.findById(customerId, ResellerMember.class)).flatMap(m -> find(m.resellerId()));
	}

	/**
	 * The reseller the customer's chat acts for.
	 *
	 * @throws NotLinked when it acts for none
	 */
	public Reseller actingFor(String customerId) {
		return linkedTo(customerId).orElseThrow(() -> new NotLinked(customerId));
	}

	/** The customers (chats) linked to the reseller. */
	public List<String> members(String resellerId) {
		return mongo.find(Query.query(where("resellerId").is(resellerId)), ResellerMember.class).stream()
			.map(ResellerMember::customerId)
			.toList();
	}

	private void checkParent(String id, String parent) {
		if (parent == null) {
			return;
		}
		Reseller p = find(parent).orElseThrow(() -> new IllegalArgumentException("No parent reseller " + parent));
		if (p.parentId() != null
				|| mongo.exists(Query.query(where("parentId").is(id)), Reseller.class)) {
			throw new IllegalArgumentException("Sub-resellers go one level deep: " + parent + " cannot be a parent of "
					+ id);
		}
	}

	private String token(int length) {
		StringBuilder token = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			token.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return token.toString();
	}


	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

	/** A saved reseller with a fresh link code for {@code /link}. */
	public record Saved(Reseller reseller, String linkCode) {
	}

	/** A reseller found by API key, with the key's secret. */
	public record KeyHolder(Reseller reseller, String secret) {

		@Override
		public String toString() {
			return "KeyHolder[" + reseller.id() + "]";
		}
	}
}
