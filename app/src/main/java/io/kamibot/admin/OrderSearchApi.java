package io.kamibot.admin;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.kamibot.audit.AuditEntry;
import io.kamibot.audit.AuditLog;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.ordering.OrderPage;
import io.kamibot.ordering.OrderQuery;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's order list: search by order number, customer, SKU, status and when placed, a page at a time; one
 * order with its history; and the same search as a CSV file, written as the orders are read so a month of orders
 * never sits in memory.
 */
@RestController
class OrderSearchApi {

	private static final int MAX_LIMIT = 200;
	private static final int HISTORY = 200;

	private final Orders orders;
	private final AuditLog audit;

	OrderSearchApi(Orders orders, AuditLog audit) {
		this.orders = orders;
		this.audit = audit;
	}

	@GetMapping("/api/admin/orders")
	OrderPage search(@RequestParam(required = false) String orderNo, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String sku, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", offset at least 0");
		}
		return orders.search(new OrderQuery(orderNo, customer, sku, status, from, to), offset, limit);
	}

	/** The order, and everything the audit log holds about it: refunds, resends, reviews, reports, code views. */
	@GetMapping("/api/admin/orders/{orderNo}")
	OrderDetail detail(@PathVariable String orderNo) {
		Order order = orders.find(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
		return new OrderDetail(order, audit.read(null, orderNo, null, HISTORY));
	}

	@GetMapping("/api/admin/orders.csv")
	void export(@RequestParam(required = false) String orderNo, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String sku, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			HttpServletResponse response) throws IOException {
		OrderQuery query = new OrderQuery(orderNo, customer, sku, status, from, to);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"orders.csv\"");
		Writer out = response.getWriter();
		// A byte-order mark, so a spreadsheet opening the file reads its Chinese titles as UTF-8.
		out.write('\uFEFF');
		out.write(OrderCsv.HEADER);
		try (Stream<Order> found = orders.stream(query)) {
			found.forEach(order -> OrderCsv.write(out, order));
		}
		out.flush();
	}

	/** @param history the audit entries about the order, newest first */
	record OrderDetail(Order order, List<AuditEntry> history) {
	}

}
