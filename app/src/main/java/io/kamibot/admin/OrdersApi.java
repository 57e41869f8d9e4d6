package io.kamibot.admin;

import io.kamibot.audit.AuditLog;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundOutcome;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin actions on orders. */
@RestController
@RequestMapping("/api/admin/orders")
class OrdersApi {

	private final Payments payments;
	private final AuditLog audit;

	OrdersApi(Payments payments, AuditLog audit) {
		this.payments = payments;
		this.audit = audit;
	}

	/**
	 * Refunds the order's payment once; repeating it answers {@code ALREADY_REFUNDED} and changes nothing. An order
	 * with redeemed own vouchers is refused (409) unless {@code redeemed=true} overrides it, which is audited.
	 */
	@PostMapping("/{orderNo}/refund")
	RefundResult refund(@PathVariable String orderNo, @RequestParam(defaultValue = "false") boolean redeemed) {
		if (redeemed) {
			audit.record(AdminApi.ACTOR, "order.refund.redeemed-override", orderNo,
					"refund asked for even if own vouchers of the order were redeemed");
		}
		return new RefundResult(orderNo, payments.refund(orderNo, AdminApi.ACTOR, redeemed));
	}

	record RefundResult(String orderNo, RefundOutcome outcome) {
	}
}
