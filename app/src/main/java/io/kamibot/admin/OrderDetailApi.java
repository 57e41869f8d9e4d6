package io.kamibot.admin;

import java.util.List;

import io.kamibot.audit.AuditEntry;
import io.kamibot.audit.AuditLog;
import io.kamibot.delivery.DeliveryHistory;
import io.kamibot.delivery.DeliveryHistory.DeliveryLine;
import io.kamibot.delivery.DeliveryHistory.ViewLine;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderHistory;
import io.kamibot.ordering.OrderMove;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.ordering.Orders;
import io.kamibot.payment.PaymentHistory;
import io.kamibot.payment.PaymentHistory.PaymentLine;
import io.kamibot.payment.PaymentHistory.RefundLine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One order as the console shows it: its fields, its status moves with their times, the payments that arrived for
 * it, the refunds asked for them, its hand-over and each showing of its codes, and what the audit log holds about it.
 */
@RestController
class OrderDetailApi {

	private static final int AUDITED = 200;

	private final Orders orders;
	private final OrderHistory history;
	private final PaymentHistory payments;
	private final DeliveryHistory deliveries;
	private final AuditLog audit;

	OrderDetailApi(Orders orders, OrderHistory history, PaymentHistory payments, DeliveryHistory deliveries,
			AuditLog audit) {
		this.orders = orders;
		this.history = history;
		this.payments = payments;
		this.deliveries = deliveries;
		this.audit = audit;
	}

	@GetMapping("/api/admin/orders/{orderNo}")
	OrderDetail detail(@PathVariable String orderNo) {
		Order order = orders.find(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
		return new OrderDetail(order, history.moves(orderNo), payments.payments(orderNo),
				payments.refunds(orderNo), deliveries.delivery(orderNo), deliveries.views(orderNo),
				audit.read(null, orderNo, null, AUDITED));
	}

	/**
	 * @param events the status moves, oldest first
	 * @param delivery the hand-over, or {@code null} before there was one
	 * @param views each showing of the codes (the latest 100), oldest first
	 * @param history the audit entries about the order, newest first
	 */
	record OrderDetail(Order order, List<OrderMove> events, List<PaymentLine> payments, List<RefundLine> refunds,
			DeliveryLine delivery, List<ViewLine> views, List<AuditEntry> history) {
	}
}
