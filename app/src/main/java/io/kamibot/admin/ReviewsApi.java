package io.kamibot.admin;

import java.time.Instant;
import java.util.List;

import io.kamibot.ordering.Order;
import io.kamibot.ordering.Orders;
import io.kamibot.risk.Reviews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Held orders and the decisions about them, as the chat buttons make them. */
@RestController
class ReviewsApi {

	private static final int MAX_LIMIT = 500;

	private final Reviews reviews;
	private final Orders orders;

	ReviewsApi(Reviews reviews, Orders orders) {
		this.reviews = reviews;
		this.orders = orders;
	}

	/** Orders waiting for a decision, oldest first (at most {@code limit}, 1-500). */
	@GetMapping("/api/admin/orders/held")
	List<HeldOrder> held(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		return orders.underReview(limit).stream().map(HeldOrder::of).toList();
	}

	@PostMapping("/api/admin/orders/{orderNo}/approve")
	Decision approve(@PathVariable String orderNo) {
		return new Decision(orderNo, reviews.approve(orderNo, AdminApi.ACTOR));
	}

	@PostMapping("/api/admin/orders/{orderNo}/reject")
	Decision reject(@PathVariable String orderNo) {
		return new Decision(orderNo, reviews.reject(orderNo, AdminApi.ACTOR));
	}

	/**
	 * A held order as the console lists it.
	 *
	 * @param paid whether it holds an accepted payment (only then can it be approved; rejecting refunds it)
	 */
	record HeldOrder(String orderNo, String customerId, String sku, String title, int quantity, long totalFen,
			Long totalStars, boolean paid, String holdReason, Instant createdAt, Instant paidAt) {

		static HeldOrder of(Order order) {
			return new HeldOrder(order.orderNo(), order.customerId(), order.sku(), order.title(), order.quantity(),
					order.totalFen(), order.totalStars(), order.payment() != null, order.holdReason(),
					order.createdAt(), order.paidAt());
		}
	}

	record Decision(String orderNo, Reviews.Outcome outcome) {
	}
}
