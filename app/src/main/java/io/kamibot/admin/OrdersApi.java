package io.kamibot.admin;

import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundOutcome;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin actions on orders. */
@RestController
@RequestMapping("/api/admin/orders")
class OrdersApi {

	private final Payments payments;

	OrdersApi(Payments payments) {
		this.payments = payments;
	}

	/** Refunds the order's payment once; repeating it answers {@code ALREADY_REFUNDED} and changes nothing. */
	@PostMapping("/{orderNo}/refund")
	RefundResult refund(@PathVariable String orderNo) {
		return new RefundResult(orderNo, payments.refund(orderNo, AdminApi.ACTOR));
	}

	record RefundResult(String orderNo, RefundOutcome outcome) {
	}
}
