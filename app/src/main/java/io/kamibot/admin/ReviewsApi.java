package io.kamibot.admin;

import io.kamibot.risk.Bans;
import io.kamibot.risk.Reviews;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Decisions about held orders and the ban list, as the chat buttons make them. */
@RestController
class ReviewsApi {

	private static final String ACTOR = "admin-api";

	private final Reviews reviews;
	private final Bans bans;

	ReviewsApi(Reviews reviews, Bans bans) {
		this.reviews = reviews;
		this.bans = bans;
	}

	@PostMapping("/api/admin/orders/{orderNo}/approve")
	Decision approve(@PathVariable String orderNo) {
		return new Decision(orderNo, reviews.approve(orderNo, ACTOR));
	}

	@PostMapping("/api/admin/orders/{orderNo}/reject")
	Decision reject(@PathVariable String orderNo) {
		return new Decision(orderNo, reviews.reject(orderNo, ACTOR));
	}

	@PutMapping("/api/admin/bans/{customerId}")
	BanResult ban(@PathVariable String customerId) {
		return new BanResult(customerId, bans.ban(customerId, ACTOR));
	}

	@DeleteMapping("/api/admin/bans/{customerId}")
	BanResult unban(@PathVariable String customerId) {
		return new BanResult(customerId, bans.unban(customerId, ACTOR));
	}

	record Decision(String orderNo, Reviews.Outcome outcome) {
	}

	/** @param changed whether the ban list changed */
	record BanResult(String customerId, boolean changed) {
	}
}
