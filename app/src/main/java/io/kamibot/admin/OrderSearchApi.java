package io.kamibot.admin;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.stream.Stream;

import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderPage;
import io.kamibot.ordering.OrderQuery;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's order list: search by order number, customer, SKU, status and when placed, a page at a time; and
 * the same search as a CSV file, written as the orders are read so a month of orders never sits in memory.
 */
@RestController
class OrderSearchApi {

	private static final int MAX_LIMIT = 200;

	private final Orders orders;

	OrderSearchApi(Orders orders) {
		this.orders = orders;
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


}
