package io.kamibot.ordering;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.OrderEvents.OrderBackordered;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderDelivered;
import io.kamibot.ordering.OrderEvents.OrderHeld;
import io.kamibot.ordering.OrderEvents.OrderPaid;
import io.kamibot.ordering.OrderEvents.OrderRefunded;
import io.kamibot.stock.Stock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The moves other features make on an order once it is placed: paid or held (payment), approved or turned down
 * (risk review), delivered or back-ordered (delivery), refunded (payment). Its own named interface, so that
 * {@code ModuleStructureTest} can hold every other module to {@link Orders}: a chat handler, a job or an HTTP endpoint
 * asks those features, never moves an order itself. Each move asks {@link OrderLifecycle} for the next status and
 * {@link OrderMoves} writes it conditionally on the status read; a move the status does not accept changes nothing
 * and returns {@code false}.
 */
@Service
// Only this type: the types of its signatures (Order, ...) stay in the API every module may use.
@NamedInterface(name = "transitions", propagate = false)
public class OrderTransitions {

	private final Stock stock;
	private final Clock clock;
	private final OrderMoves moves;
	/** Looked up when used: rules may themselves read orders. */
	private final ObjectProvider<OrderRules> rules;

	OrderTransitions(MongoTemplate mongo, Stock stock, DomainEvents events, Clock clock,
			ObjectProvider<OrderRules> rules) {
		this.stock = stock;
		this.clock = clock;
		this.moves = new OrderMoves(mongo, events, clock);
		this.rules = rules;
	}

	/**
	 * Records that the order is paid, also when it expired meanwhile (the money is real); or, when a rule wants an
	 * admin to look first, holds it with the payment kept on it, so an approval delivers and a rejection refunds.
	 * Idempotent: returns {@code true} only for the one call that moved it (and published {@link OrderPaid} or
	 * {@link OrderHeld}); a repeated or concurrent call, or one for an order that takes no payment, returns
	 * {@code false}.
	 *
	 * @param order the order as last read; re-read when it changed since
	 */
	public boolean markPaid(Order order, String payment) {
		Optional<String> review = rules.orderedStream()
			.map(rule -> rule.reviewReason(order))
			.flatMap(Optional::stream)
			.findFirst();
		Supplier<Update> paid = () -> new Update().set("paidAt", clock.instant()).set("payment", payment);
		if (review.isPresent()) {
			return moves.announce(moves.advance(order, OrderEvent.PAY_FOR_REVIEW,
					() -> paid.get().set("holdReason", review.get())),
					held -> new OrderHeld(held.orderNo(), held.customerId(), review.get(), true));
		}
		return moves.announce(moves.advance(order, OrderEvent.PAY, paid),
				done -> new OrderPaid(done.orderNo(), done.customerId()));
	}

	/** Holds the order for an admin (a payment that does not match); {@code false} when its status takes no hold. */
	public boolean hold(Order order, String reason) {
		return moves.announce(moves.advance(order, OrderEvent.HOLD, () -> new Update().set("holdReason", reason)),
				held -> new OrderHeld(held.orderNo(), held.customerId(), reason, held.payment() != null));
	}

	/**
	 * An admin releases a held order whose payment was accepted: it becomes PAID and is fulfilled.
	 *
	 * @return {@code false} when it was no longer held
	 * @throws NotApprovable when the order holds no accepted payment (a mismatch: reject it instead)
	 */
	public boolean approve(Order order) {
		if (OrderLifecycle.accepts(order.status(), OrderEvent.APPROVE) && order.payment() == null) {
			throw new NotApprovable(order.orderNo());
		}
		return moves.announce(moves.advance(order, OrderEvent.APPROVE, Update::new),
				paid -> new OrderPaid(paid.orderNo(), paid.customerId()));
	}

	/** An admin turns down a held order that has no payment to refund; its codes go back on sale. */
	public boolean cancelHeld(Order order) {
		boolean cancelled = moves.announce(moves.advance(order, OrderEvent.REJECT, Update::new),
				held -> new OrderCancelled(held.orderNo(), held.customerId()));
		stock.release(order.orderNo());
		return cancelled;
	}

	/** The codes are handed over; returns {@code false} when this already happened (or cannot). */
	public boolean markDelivered(Order order) {
		return moves.announce(moves.advance(order, OrderEvent.DELIVER,
				() -> new Update().set("deliveredAt", clock.instant())),
				delivered -> new OrderDelivered(delivered.orderNo(), delivered.customerId()));
	}

	/**
	 * Many orders' codes are handed over, in one update per status however many; each order this call moved is
	 * announced ({@link OrderDelivered}) on the executor, so the buyers' messages go out side by side while the
	 * caller goes on. An order announced to nobody (the process died first) is reminded as any undelivered notice.
	 *
	 * @return the orders this call moved; an order another move got to first is not among them
	 */
	public List<Order> markAllDelivered(List<Order> orders, Executor announcer) {
		List<Order> moved = moves.advanceAll(orders, OrderEvent.DELIVER, () -> new Update().set("deliveredAt",
				clock.instant()));
		moves.announceAll(moved, delivered -> new OrderDelivered(delivered.orderNo(), delivered.customerId()),
				announcer);
		return moved;
	}

	/** Paid, but stock ran out; returns {@code false} when it was already waiting. */
	public boolean backorder(Order order) {
		return moves.announce(moves.advance(order, OrderEvent.BACKORDER, Update::new),
				waiting -> new OrderBackordered(waiting.orderNo(), waiting.customerId()));
	}

	/**
	 * The money went back to the buyer; codes it still had reserved (a held order) go back on sale. Returns
	 * {@code false} when the order was already refunded (or cannot be).
	 */
	public boolean markRefunded(Order order) {
		Optional<Order> refunded = moves.advance(order, OrderEvent.REFUND,
				() -> new Update().set("refundedAt", clock.instant()));
		refunded.ifPresent(o -> stock.release(o.orderNo()));
		return moves.announce(refunded, o -> new OrderRefunded(o.orderNo(), o.customerId()));
	}
}
