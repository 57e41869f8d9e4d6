package io.kamibot.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderEvents.OrderPaid;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.OrderTransitions;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.BulkSales;
import io.kamibot.stock.Stock;
import io.kamibot.stock.StockReplenished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Fulfils paid orders and shows their codes to their buyers. Every step is idempotent, so the same order may be
 * fulfilled concurrently by a listener, a recovery sweep and another instance: one hand-over results.
 */
@Service
public class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
	/** Paid orders older than this without delivery are taken to be interrupted by a crash. */
	private static final Duration STUCK = Duration.ofMinutes(1);
	private static final int BATCH = 200;
	static final int MAX_REMINDERS = 10;

	private final Orders orders;
	private final OrderTransitions transitions;
	private final Stock stock;
	private final BulkFulfilment bulk;
	private final MongoTemplate mongo;
	private final DomainEvents events;
	private final Clock clock;

	Deliveries(Orders orders, OrderTransitions transitions, Stock stock, BulkSales sales, MongoTemplate mongo,
			DomainEvents events, Clock clock) {
		this.orders = orders;
		this.transitions = transitions;
		this.stock = stock;
		this.bulk = new BulkFulfilment(sales, transitions, mongo, clock, orderNo -> fulfil(orderNo));
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/** A failure leaves the publication in the registry, which hands it here again ({@code EventRetries}). */
	@ApplicationModuleListener
	void on(OrderPaid paid) {
		fulfil(paid.orderNo());
	}

	@ApplicationModuleListener
	void on(StockReplenished replenished) {
		for (Order waiting : orders.awaitingStock(replenished.sku(), BATCH)) {
			if (fulfil(waiting.orderNo()) != OrderStatus.DELIVERED) {
				break;
			}
		}
	}

	/**
	 * Hands over a paid order's codes, or marks it as waiting for stock.
	 *
	 * @return the order's status afterwards
	 */
	public OrderStatus fulfil(String orderNo) {
		return fulfil(orders.find(orderNo).orElseThrow());
	}

	/**
	 * As {@link #fulfil(String)}, for an order its caller has just read (the answer of its own move to PAID), so it
	 * is not read again.
	 */
	public OrderStatus fulfil(Order order) {
		String orderNo = order.orderNo();
		if (!order.status().awaitsDelivery()) {
			return order.status();
		}
		int owned = stock.sell(order.productSku(), orderNo, order.quantity());
		if (owned < order.quantity()) {
			transitions.backorder(order);
			log.info("Order {} is paid but has {} of {} codes: waiting for stock", orderNo, owned, order.quantity());
			return OrderStatus.AWAITING_STOCK;
		}
		try {
			mongo.insert(new Delivery(orderNo, order.customerId(), order.quantity(), clock.instant(), null, 0, null));
		}
		catch (DuplicateKeyException e) {
			// Another fulfilment got here first; making sure the order says so is still right.
		}
		transitions.markDelivered(order);
		return OrderStatus.DELIVERED;
	}

	/**
	 * Fulfils many paid orders of one product that own no codes yet (a benefit plan's period) in a few round trips
	 * however many; their buyers are told on the executor, after this returns: see {@link BulkFulfilment}.
	 *
	 * @return each order's status afterwards, by order number
	 */
	public Map<String, OrderStatus> fulfilEach(Sku sku, List<Order> paid, Executor executor) {
		return bulk.fulfilEach(sku, paid, executor);
	}

	/**
	 * Finishes hand-overs of paid orders whose payment event a crash kept from the event registry (it came between the
	 * order's move and the event's record); returns how many orders it looked at.
	 */
	public int recover() {
		List<Order> stuck = orders.paidButUndelivered(clock.instant().minus(STUCK), BATCH);
		stuck.forEach(order -> fulfil(order.orderNo()));
		return stuck.size();
	}

	/** The buyer's chat took the message with the codes. */
	public void markNotified(String orderNo) {
		mongo.updateFirst(Query.query(where("_id").is(orderNo).and("notifiedAt").is(null)),
				Update.update("notifiedAt", clock.instant()), Delivery.class);
	}

	/**
	 * Asks again for the codes of deliveries whose message did not reach the buyer (the chat platform was down, a
	 * crash came between delivering and sending), by publishing {@link CodesAwaitingNotice}; gives up after
	 * {@value #MAX_REMINDERS} tries, when the buyer still has {@code /orders}.
	 *
	 * @return how many reminders were published
	 */
	public int remindUnnotified() {
		giveUp();
		List<Delivery> waiting = mongo.find(Query.query(where("notifiedAt").is(null)
			.and("deliveredAt").lte(clock.instant().minus(STUCK))
			.and("reminders").lt(MAX_REMINDERS)).limit(BATCH), Delivery.class);
		for (Delivery delivery : waiting) {
			mongo.updateFirst(Query.query(where("_id").is(delivery.orderNo())), new Update().inc("reminders", 1),
					Delivery.class);
			events.publish(new CodesAwaitingNotice(delivery.orderNo(), delivery.customerId()));
		}
		return waiting.size();
	}

	/**
	 * Deliveries whose reminders are spent and that still did not reach the buyer: admins are told once each, by
	 * {@link CodesUnreached}. Runs before the next round of reminders, so the last one had a job interval to land.
	 */
	private void giveUp() {
		List<Delivery> spent = mongo.find(Query.query(where("notifiedAt").is(null)
			.and("reminders").gte(MAX_REMINDERS)
			.and("gaveUpAt").is(null)).limit(BATCH), Delivery.class);
		for (Delivery delivery : spent) {
			boolean first = mongo.updateFirst(
					Query.query(where("_id").is(delivery.orderNo()).and("notifiedAt").is(null).and("gaveUpAt").is(null)),
					Update.update("gaveUpAt", clock.instant()), Delivery.class).getModifiedCount() == 1;
			if (first) {
				log.warn("The codes of order {} did not reach the buyer after {} reminders", delivery.orderNo(),
						delivery.reminders());
				events.publish(new CodesUnreached(delivery.orderNo(), delivery.customerId(), delivery.reminders()));
			}
		}
	}

	/**
	 * Asks again for the codes of the customer's deliveries whose message did not reach them, whatever the number
	 * of earlier tries: for channels that may only message a buyer shortly after the buyer wrote (WeChat's 48-hour
	 * window), the buyer's next message is the moment. Deliveries younger than a minute are left to the message
	 * that is on its way.
	 *
	 * @return how many reminders were published
	 */
	public int remindCustomer(String customerId) {
		List<Delivery> waiting = mongo.find(
				Query.query(where("customerId").is(customerId).and("notifiedAt").is(null)
					.and("deliveredAt").lte(clock.instant().minus(STUCK))).limit(BATCH),
				Delivery.class);
		waiting.forEach(delivery -> events.publish(new CodesAwaitingNotice(delivery.orderNo(), customerId)));
		return waiting.size();
	}

	/**
	 * Sends a delivered order's codes to its buyer again (an admin asked), through {@link CodesAwaitingNotice}.
	 *
	 * @throws NotDeliveredYet when the order has no codes to send
	 */
	public void resend(String orderNo) {
		Order order = orders.find(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
		if (order.status() != OrderStatus.DELIVERED) {
			throw new NotDeliveredYet(orderNo, order.status());
		}
		events.publish(new CodesAwaitingNotice(orderNo, order.customerId()));
	}

	/**
	 * The codes of the customer's delivered order, recording who was shown them and where.
	 *
	 * @throws NotDeliveredYet when the order has no codes to show
	 */
	public List<String> reveal(String orderNo, String customerId, String channel) {
		Order order = orders.get(orderNo, customerId);
		if (order.status() != OrderStatus.DELIVERED) {
			throw new NotDeliveredYet(orderNo, order.status());
		}
		List<String> codes = stock.reveal(orderNo);
		mongo.insert(new CodeView(orderNo, "customer:" + customerId, channel, codes.size(), clock.instant()));
		events.publish(new CodesShown(orderNo, "customer:" + customerId, channel, codes.size()));
		return codes;
	}
}
