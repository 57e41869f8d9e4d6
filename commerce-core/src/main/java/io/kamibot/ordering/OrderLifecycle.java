package io.kamibot.ordering;

import java.time.Instant;
import java.util.EnumSet;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

import static io.kamibot.ordering.OrderEvent.*;
import static io.kamibot.ordering.OrderStatus.*;

/**
 * The order lifecycle as a state machine: which event moves an order from which status to which, and the guards
 * that must hold. It decides; {@link Orders} persists the decision with a conditional update on the status it
 * started from, so the stored status stays the single truth across instances.
 */
final class OrderLifecycle {

	static final String ORDER = "order";
	static final String NOW = "now";

	/** The time-out may only fire once the buyer's time to pay is really over. */
	private static final Guard<OrderStatus, OrderEvent> DEADLINE_PASSED = context -> {
		Order order = context.getMessageHeaders().get(ORDER, Order.class);
		Instant now = context.getMessageHeaders().get(NOW, Instant.class);
		return order != null && now != null && !now.isBefore(order.payBefore());
	};

	private OrderLifecycle() {
	}

	/**
	 * The status the event moves the order to.
	 *
	 * @throws IllegalOrderTransition when the order's status does not accept the event
	 */
	static OrderStatus next(Order order, OrderEvent event, Instant now) {
		StateMachine<OrderStatus, OrderEvent> machine = build();
		machine.getStateMachineAccessor()
			.doWithAllRegions(access -> access
				.resetStateMachineReactively(new DefaultStateMachineContext<>(order.status(), null, null, null))
				.block());
		machine.startReactively().block();
		try {
			var result = machine
				.sendEvent(Mono.just(MessageBuilder.withPayload(event).setHeader(ORDER, order).setHeader(NOW, now).build()))
				.blockLast();
			OrderStatus next = machine.getState().getId();
			// A guard that says no leaves the machine where it was (every transition here changes state).
			if (result == null || result.getResultType() != ResultType.ACCEPTED || next == order.status()) {
				throw new IllegalOrderTransition(order.orderNo(), order.status(), event.name().toLowerCase());
			}
			return next;
		}
		finally {
			machine.stopReactively().block();
		}
	}

	private static StateMachine<OrderStatus, OrderEvent> build() {
		try {
			StateMachineBuilder.Builder<OrderStatus, OrderEvent> builder = StateMachineBuilder.builder();
			builder.configureConfiguration().withConfiguration().autoStartup(false);
			builder.configureStates()
				.withStates()
				.initial(CREATED)
				.states(EnumSet.allOf(OrderStatus.class));
			builder.configureTransitions()
				.withExternal().source(CREATED).target(AWAITING_PAYMENT).event(RESERVED).and()
				.withExternal().source(CREATED).target(CANCELLED).event(CANCEL).and()
				.withExternal().source(AWAITING_PAYMENT).target(CANCELLED).event(CANCEL).and()
				.withExternal().source(AWAITING_PAYMENT).target(EXPIRED).event(EXPIRE).guard(DEADLINE_PASSED).and()
				.withExternal().source(AWAITING_PAYMENT).target(PAID).event(PAY).and()
				.withExternal().source(EXPIRED).target(PAID).event(PAY).and()
				.withExternal().source(AWAITING_PAYMENT).target(UNDER_REVIEW).event(HOLD).and()
				.withExternal().source(EXPIRED).target(UNDER_REVIEW).event(HOLD).and()
				.withExternal().source(PAID).target(UNDER_REVIEW).event(HOLD).and()
				.withExternal().source(UNDER_REVIEW).target(PAID).event(APPROVE).and()
				.withExternal().source(UNDER_REVIEW).target(CANCELLED).event(CANCEL).and()
				.withExternal().source(PAID).target(AWAITING_STOCK).event(BACKORDER).and()
				.withExternal().source(PAID).target(DELIVERED).event(DELIVER).and()
				.withExternal().source(AWAITING_STOCK).target(DELIVERED).event(DELIVER).and()
				.withExternal().source(PAID).target(REFUNDED).event(REFUND).and()
				.withExternal().source(AWAITING_STOCK).target(REFUNDED).event(REFUND).and()
				.withExternal().source(UNDER_REVIEW).target(REFUNDED).event(REFUND).and()
				.withExternal().source(DELIVERED).target(REFUNDED).event(REFUND);
			return builder.build();
		}
		catch (Exception e) {
			throw new IllegalStateException("The order state machine definition is invalid", e);
		}
	}
}
