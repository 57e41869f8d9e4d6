package io.kamibot.aftersales;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.aftersales.Problem.Status;
import io.kamibot.audit.AuditLog;
import io.kamibot.delivery.CodesAwaitingNotice;
import io.kamibot.delivery.NotDeliveredYet;
import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderEvents.OrderRefunded;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundOutcome;
import io.kamibot.stock.Stock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Buyers' reports of bad codes and the admins' answers. Each report is acted on once: the report moves by
 * conditional updates, so a second press of Replace or Refund changes nothing.
 */
@Service
public class Problems {

	static final int MAX_REASON = 200;
	static final String HIDDEN_CODE = "***";
	private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

	private final Orders orders;
	private final Stock stock;
	private final Payments payments;
	private final Alerts alerts;
	private final AuditLog audit;
	private final MongoTemplate mongo;
	private final DomainEvents events;
	private final Clock clock;
	private final RedissonClient redis;

	Problems(Orders orders, Stock stock, Payments payments, Alerts alerts, AuditLog audit, MongoTemplate mongo,
			DomainEvents events, Clock clock, RedissonClient redis) {
		this.orders = orders;
		this.stock = stock;
		this.payments = payments;
		this.alerts = alerts;
		this.audit = audit;
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
		this.redis = redis;
	}

	/**
	 * Records the buyer's report and alerts admins with Replace and Refund buttons.
	 *
	 * @return {@code false} when the order was reported before
	 * @throws OrderNotFound when the order is not the customer's
	 * @throws NotDeliveredYet when it has no codes yet
	 */
	public boolean report(String orderNo, String customerId, String reason) {
		Order order = orders.get(orderNo, customerId);
		if (order.status() != OrderStatus.DELIVERED) {
			throw new NotDeliveredYet(orderNo, order.status());
		}
		// Buyers often quote the bad code; codes never go into reports, alerts or the audit log.
		String redacted = reason;
		for (String code : stock.reveal(orderNo)) {
			redacted = redacted.replace(code, HIDDEN_CODE);
		}
		String text = redacted.length() > MAX_REASON ? redacted.substring(0, MAX_REASON) : redacted;
		try {
			mongo.insert(new Problem(orderNo, customerId, text, Status.OPEN, clock.instant(), null, false));
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		audit.record("customer:" + customerId, "order.problem", orderNo, text);
		alerts.raise(AlertType.PROBLEM_REPORTED, "problem:" + orderNo, List.of(orderNo, customerId, text),
				List.of(new AlertAction(Verb.REPLACE, orderNo), new AlertAction(Verb.REFUND, orderNo)));
		return true;
	}

	/**
	 * Voids the order's codes and delivers new ones, once. When stock runs short the report stays REPLACING and a
	 * later call (after an import) completes it without voiding the new codes.
	 */
	public Outcome replace(String orderNo, String by) {
		// Voiding and selling touch the order's codes, not the report: without the lock a second press could sell
		// while the first has not voided yet (and then void the new codes), and both would deliver.
		RLock lock = redis.getLock("kamibot:problems:replace:" + orderNo);
		try {
			if (!lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				return Outcome.BUSY;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Outcome.BUSY;
		}
		try {
			return replaceLocked(orderNo, by);
		}
		finally {
			lock.unlock();
		}
	}

	private Outcome replaceLocked(String orderNo, String by) {
		Problem claimed = mongo.findAndModify(
				Query.query(where("_id").is(orderNo).and("status").in(Status.OPEN, Status.REPLACING)),
				Update.update("status", Status.REPLACING).set("resolvedBy", by), Problem.class);
		if (claimed == null) {
			return Outcome.NOT_OPEN;
		}
		Order order = orders.find(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
		if (!Boolean.TRUE.equals(claimed.codesVoided())) {
			// Also after a crash between claiming and voiding: nothing new was sold before the flag is set.
			long voided = stock.voidSold(orderNo);
			mongo.updateFirst(Query.query(where("_id").is(orderNo)), Update.update("codesVoided", true),
					Problem.class);
			audit.record(by, "order.replace", orderNo, voided + " codes voided");
		}
		if (stock.sell(order.productSku(), orderNo, order.quantity()) < order.quantity()) {
			return Outcome.NO_STOCK;
		}
		boolean completed = mongo.updateFirst(Query.query(where("_id").is(orderNo).and("status").is(Status.REPLACING)),
				Update.update("status", Status.REPLACED), Problem.class).getModifiedCount() == 1;
		if (!completed) {
			return Outcome.NOT_OPEN;
		}
		events.publish(new ProblemResolved(orderNo, order.customerId(), Outcome.REPLACED));
		events.publish(new CodesAwaitingNotice(orderNo, order.customerId()));
		return Outcome.REPLACED;
	}

	/**
	 * Refunds an order at an admin's word: a reported one through its report, once (a second press, or a Replace
	 * under way, finds the report taken); an order never reported (a back-order that waits too long) directly.
	 *
	 * @throws io.kamibot.payment.NotRefundable when the order was never paid
	 * @throws io.kamibot.payment.RefundFailed when the provider did not return the money
	 */
	public Outcome refund(String orderNo, String by) {
		Problem claimed = mongo.findAndModify(Query.query(where("_id").is(orderNo).and("status").is(Status.OPEN)),
				Update.update("status", Status.REFUNDING).set("resolvedBy", by),
				FindAndModifyOptions.options().returnNew(true), Problem.class);
		if (claimed == null) {
			if (mongo.exists(Query.query(where("_id").is(orderNo)), Problem.class)) {
				return Outcome.NOT_OPEN;
			}
			return payments.refund(orderNo, by) == RefundOutcome.REFUNDED ? Outcome.REFUNDED
					: Outcome.ALREADY_REFUNDED;
		}
		try {
			payments.refund(orderNo, by);
		}
		catch (RuntimeException e) {
			mongo.updateFirst(Query.query(where("_id").is(orderNo).and("status").is(Status.REFUNDING)),
					Update.update("status", Status.OPEN), Problem.class);
			throw e;
		}
		mongo.updateFirst(Query.query(where("_id").is(orderNo)), Update.update("status", Status.REFUNDED),
				Problem.class);
		events.publish(new ProblemResolved(orderNo, claimed.customerId(), Outcome.REFUNDED));
		return Outcome.REFUNDED;
	}

	/** An order refunded another way (the admin API, {@code /refund}) closes its open report: nothing is left to do. */
	@ApplicationModuleListener
	void on(OrderRefunded refunded) {
		mongo.updateFirst(Query.query(where("_id").is(refunded.orderNo()).and("status").is(Status.OPEN)),
				Update.update("status", Status.REFUNDED), Problem.class);
	}

	/** What an admin's action did. */
	public enum Outcome {

		/** New codes were delivered. */
		REPLACED,

		/** Not enough stock for new codes: the old ones are voided; replace again after an import. */
		NO_STOCK,

		/** The money went back. */
		REFUNDED,

		/** No open report for the order: nothing was done. */
		NOT_OPEN,

		/** The order had been refunded before: nothing was done. */
		ALREADY_REFUNDED,

		/** Another replacement of the order was under way for too long: nothing was done; press again. */
		BUSY
	}
}
