package io.kamibot.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.kamibot.delivery.CodesShown;
import io.kamibot.payment.RefundIssued;
import io.kamibot.payment.UnmatchedPaymentHeld;
import io.kamibot.payment.UnmatchedPaymentReturned;
import io.kamibot.redemption.CodeRedeemed;
import org.bson.types.ObjectId;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Records admin actions and code views, and reads them back newest first. */
@Service
public class AuditLog {

	/** The action recorded when codes are shown. */
	public static final String CODES_VIEW = "codes.view";

	private final MongoTemplate mongo;
	private final Clock clock;
	private final AuditBatches batches;

	AuditLog(MongoTemplate mongo, Clock clock, AuditBatches batches) {
		this.mongo = mongo;
		this.clock = clock;
		this.batches = batches;
	}

	public AuditEntry record(String actor, String action, String target, String detail) {
		return mongo.insert(new AuditEntry(new ObjectId().toHexString(), clock.instant(), actor, action, target, detail));
	}

	@EventListener
	void on(CodesShown shown) {
		record(shown.viewer(), CODES_VIEW, shown.orderNo(), shown.channel() + ", " + shown.count() + " codes");
	}

	/** Every refund, whoever asked and by whatever way (a command, a button, the admin API, a review). */
	@EventListener
	void on(RefundIssued refund) {
		record(refund.requestedBy(), "order.refund", refund.orderNo(), refund.provider());
	}

	/** Money an order could not take, returned (by the shop at once, or by an admin); the order is unchanged. */
	@EventListener
	void on(UnmatchedPaymentReturned returned) {
		record(returned.requestedBy(), "payment.refund", returned.orderNo(), returned.provider() + " "
				+ returned.ref() + " " + returned.amount().display() + ", " + returned.reason());
	}

	/** Money an order could not take that the provider did not return: it waits for an admin. */
	@EventListener
	void on(UnmatchedPaymentHeld held) {
		record("system", "payment.unmatched", held.orderNo(), held.provider() + " " + held.ref() + " "
				+ held.amount().display() + ", " + held.reason() + ", not returned: held for an admin");
	}

	/**
	 * Every redemption of an own voucher, by whichever redeemer and way; the entry names the order, never the code.
	 * Written in batches: a partner redeems thousands a second, and the redeemed code itself keeps when and by whom.
	 */
	@EventListener
	void on(CodeRedeemed redeemed) {
		batches.add(new AuditEntry(new ObjectId().toHexString(), redeemed.at(), "redeemer:" + redeemed.redeemer(),
				"code.redeem", redeemed.orderNo(), redeemed.sku() + " via " + redeemed.via()));
	}

	/**
	 * Entries newest first.
	 *
	 * @param action only this action, or {@code null} for all
	 * @param target only about this order, SKU or customer, or {@code null}
	 * @param before only entries before this time, or {@code null} (pages backwards)
	 */
	public List<AuditEntry> read(String action, String target, Instant before, int limit) {
		Query query = new Query().with(Sort.by(Direction.DESC, "at")).limit(limit);
		if (action != null) {
			query.addCriteria(where("action").is(action));
		}
		if (target != null) {
			query.addCriteria(where("target").is(target));
		}
		if (before != null) {
			query.addCriteria(where("at").lt(before));
		}
		return mongo.find(query, AuditEntry.class);
	}
}
