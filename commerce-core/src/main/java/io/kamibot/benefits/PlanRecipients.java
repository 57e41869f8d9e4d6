package io.kamibot.benefits;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.vault.Vault;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A plan's recipients: added from lines of text (chat identities, or claim labels that get a one-time code),
 * paused, resumed or removed one by one; claim codes claimed from any chat; and what a customer receives.
 */
@Service
public class PlanRecipients {

	static final int MAX_LINES = 10_000;
	private static final Pattern LINE = Pattern.compile("(telegram|wechat|webchat|claim):(\\S{1,128})");
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private final MongoTemplate mongo;
	private final Customers customers;
	private final Vault vault;
	private final BenefitIssuing issuing;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	PlanRecipients(MongoTemplate mongo, Customers customers, Vault vault, BenefitIssuing issuing, Clock clock) {
		this.mongo = mongo;
		this.customers = customers;
		this.vault = vault;
		this.issuing = issuing;
		this.clock = clock;
	}

	/**
	 * Adds recipients, one per line: {@code telegram:USERID}, {@code wechat:OPENID}, {@code webchat:CHATID} or
	 * {@code claim:LABEL}; blank lines and lines starting with {@code #} are ignored. A recipient already on the plan
	 * is kept (and active again if it was paused or removed); an unclaimed label gets a fresh code, the old one no
	 * longer works.
	 *
	 * @return one per line, in order; {@code claimCode} only for claim lines not claimed yet, shown only here
	 * @throws InvalidRecipients when a line names no recipient; nothing is added
	 */
	public List<Added> add(String planId, String text) {
		Plans.require(mongo, planId);
		List<String> lines = text.lines().map(String::strip).toList();
		List<String> wrong = new ArrayList<>();
		List<Matcher> good = new ArrayList<>();
		for (int i = 0; i < lines.size() && wrong.size() < 20; i++) {
			String line = lines.get(i);
			Matcher m = LINE.matcher(line);
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (!m.matches()) {
				wrong.add("line " + (i + 1) + ": expected telegram:ID, wechat:OPENID, webchat:CHATID or claim:LABEL");
			}
			else {
				good.add(m);
			}
		}
		if (good.size() > MAX_LINES) {
			wrong.add("at most " + MAX_LINES + " recipients at once");
		}
		if (!wrong.isEmpty()) {
			throw new InvalidRecipients(wrong);
		}
		return good.stream().map(m -> m.group(1).equals("claim") ? addClaim(planId, m.group(2))
				: addIdentity(planId, new ChannelIdentity(m.group(1), m.group(2)))).toList();
	}

	private Added addIdentity(String planId, ChannelIdentity identity) {
		String customerId = customers.identify(identity).id();
		Recipient recipient = upsert(planId, identity.toString(), new Update().setOnInsert("customerId", customerId));
		return new Added(recipient, null);
	}

	private Added addClaim(String planId, String label) {
		String code = newCode();
		Recipient recipient = upsert(planId, Recipient.CLAIM + label, new Update());
		if (recipient.claimed()) {
			return new Added(recipient, null);
		}
		Recipient coded = mongo.findAndModify(Query.query(where("_id").is(recipient.id()).and("customerId").is(null)),
				Update.update("claimHash", vault.fingerprint(code)), FindAndModifyOptions.options().returnNew(true),
				Recipient.class);
		return coded == null ? new Added(mongo.findById(recipient.id(), Recipient.class), null) : new Added(coded, code);
	}

	private Recipient upsert(String planId, String key, Update update) {
		update.set("status", RecipientStatus.ACTIVE).setOnInsert("_id", newId()).setOnInsert("addedAt", clock.instant());
		Query query = Query.query(where("planId").is(planId).and("key").is(key));
		try {
			return mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
					Recipient.class);
		}
		catch (DuplicateKeyException e) {
			return mongo.findAndModify(query, Update.update("status", RecipientStatus.ACTIVE),
					FindAndModifyOptions.options().returnNew(true), Recipient.class);
		}
	}

	/** Pauses, resumes or removes one recipient, by its id or its line ({@code telegram:123}, {@code claim:x}). */
	public Recipient setStatus(String planId, String recipient, RecipientStatus status) {
		Update update = Update.update("status", status);
		if (status == RecipientStatus.REMOVED) {
			update.unset(BenefitSchema.SEAT); // A removed claimant may claim another code of the plan.
		}
		Recipient changed = mongo.findAndModify(Query.query(where("planId").is(planId).orOperator(
				where("_id").is(recipient), where("key").is(recipient))), update,
				FindAndModifyOptions.options().returnNew(true), Recipient.class);
		if (changed == null) {
			throw new UnknownPlan(planId + " recipient " + recipient);
		}
		return changed;
	}

	/** The plan's recipients, in the order of their ids. */
	public List<Recipient> list(String planId, int limit) {
		return mongo.find(Query.query(where("planId").is(planId)).with(Sort.by("_id")).limit(limit), Recipient.class);
	}

	/**
	 * The customer becomes the recipient whose claim code this is, and receives at once what was issued to it so far.
	 *
	 * @param claimant who claims, for the record, e.g. {@code telegram:42}
	 * @throws InvalidClaimCode when the code is unknown or used, or the customer already receives the plan
	 */
	public Claimed claim(String code, String customerId, String claimant) {
		String hash = vault.fingerprint(code.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT));
		Recipient coded = mongo.findOne(Query.query(where("claimHash").is(hash).and("customerId").is(null)),
				Recipient.class);
		if (coded == null || mongo.exists(Query.query(where("planId").is(coded.planId()).and("customerId")
			.is(customerId).and("status").ne(RecipientStatus.REMOVED)), Recipient.class)) {
			throw new InvalidClaimCode();
		}
		// Decided by the update, not by the reads above: of two claims of one code the first takes it (the code is
		// in the filter), and of one customer's claims of two codes of a plan the second meets the seat's unique key.
		Recipient claimed;
		try {
			claimed = mongo.findAndModify(Query.query(where("_id").is(coded.id()).and("customerId").is(null)
				.and("claimHash").is(hash)), new Update().set("customerId", customerId).set("claimedBy", claimant)
					.set("claimedAt", clock.instant()).set(BenefitSchema.SEAT, coded.planId() + "/" + customerId)
					.unset("claimHash"), FindAndModifyOptions.options().returnNew(true), Recipient.class);
		}
		catch (DuplicateKeyException e) {
			claimed = null;
		}
		if (claimed == null) {
			throw new InvalidClaimCode();
		}
		Plan plan = Plans.require(mongo, claimed.planId());
		issuing.issueClaimed(plan, claimed);
		long issues = mongo.count(Query.query(where("recipientId").is(claimed.id())), Issue.class);
		return new Claimed(plan, claimed, issues);
	}

	/** The plans the customer receives, with their latest issues first. */
	public List<Benefit> of(String customerId) {
		List<Benefit> benefits = new ArrayList<>();
		for (Recipient r : mongo.find(Query.query(where("customerId").is(customerId)).limit(50), Recipient.class)) {
			Plan plan = mongo.findById(r.planId(), Plan.class);
			if (plan != null) {
				benefits.add(new Benefit(plan, r, mongo.find(Query.query(where("recipientId").is(r.id()))
					.with(Sort.by(Sort.Direction.DESC, "period")).limit(12), Issue.class)));
			}
		}
		return benefits;
	}

	private String newId() {
		return token(8);
	}

	private String newCode() {
		return token(12);
	}

	private String token(int length) {
		StringBuilder token = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			token.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return token.toString();
	}

	/** A recipient as added, with its claim code when one was made now. */
	public record Added(Recipient recipient, String claimCode) {
	}

	/** @param issues how many issues the claimant now has from the plan */
	public record Claimed(Plan plan, Recipient recipient, long issues) {
	}

	/** A plan a customer receives, with its latest issues. */
	public record Benefit(Plan plan, Recipient recipient, List<Issue> issues) {
	}
}
