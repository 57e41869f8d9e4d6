package io.kamibot.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

import io.kamibot.ordering.Order;

/** Orders as CSV lines (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. */
final class OrderCsv {

	static final String HEADER = "order,created,status,customer,sku,title,quantity,total_fen,total_stars,payment,"
			+ "paid,delivered,refunded\r\n";

	private OrderCsv() {
	}

	static void write(Writer out, Order order) {
		String line = String.join(",", field(order.orderNo()), field(order.createdAt()), field(order.status().name()),
				field(order.customerId()), field(order.sku()), field(order.title()),
				String.valueOf(order.quantity()), String.valueOf(order.totalFen()),
				order.totalStars() == null ? "" : String.valueOf(order.totalStars()), field(order.payment()),
				field(order.paidAt()), field(order.deliveredAt()), field(order.refundedAt()));
		try {
			out.write(line);
			out.write("\r\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException("The client stopped reading the export", e);
		}
	}

	private static String field(Instant at) {
		return at == null ? "" : at.toString();
	}

	/**
	 * One text field, quoted when it must be. A field that a spreadsheet would take for a formula (it starts with
	 * =, +, - or @) gets a leading apostrophe, so a product title cannot run anything on the owner's computer.
	 */
	static String field(String value) {
		if (value == null) {
			return "";
		}
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}
}
