package io.kamibot.admin;

import io.kamibot.aftersales.Problems;
import io.kamibot.audit.AuditLog;
import io.kamibot.delivery.Deliveries;
import io.kamibot.payment.Payments;
import io.kamibot.payment.RefundOutcome;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert buttons the chats have and the console lacked: send an order's codes again, replace reported codes,
 * return one payment an order could not take. Each does what the button does, as the admin API.
 */
@RestController
class OrderActionsApi {

	private final Deliveries deliveries;
	private final Problems problems;
	private final Payments payments;
	private final AuditLog audit;

	OrderActionsApi(Deliveries deliveries, Problems problems, Payments payments, AuditLog audit) {
		this.deliveries = deliveries;
		this.problems = problems;
		this.payments = payments;
		this.audit = audit;
	}

	/** Sends a delivered order's codes to the buyer's chat again. */
	@PostMapping("/api/admin/orders/{orderNo}/resend")
	Done resend(@PathVariable String orderNo) {
		deliveries.resend(orderNo);
		audit.record(AdminApi.ACTOR, "order.resend", orderNo, "admin API");
		return new Done(orderNo, "RESENT");
	}

	/** Replaces the codes of an order a buyer reported, once. */
	@PostMapping("/api/admin/orders/{orderNo}/replace")
	Done replace(@PathVariable String orderNo) {
		return new Done(orderNo, problems.replace(orderNo, AdminApi.ACTOR).name());
	}

	/** Returns one payment, by the ref its {@code PAYMENT_UNMATCHED} alert shows; its order is unchanged. */
	@PostMapping("/api/admin/payments/{ref}/refund")
	Done refundPayment(@PathVariable String ref) {
		RefundOutcome outcome = payments.refundPayment(ref, AdminApi.ACTOR);
		return new Done(ref, outcome.name());
	}

	/** @param outcome what happened, as the chat would say it ({@code RESENT}, {@code REPLACED}, {@code REFUNDED} …) */
	record Done(String target, String outcome) {
	}
}
