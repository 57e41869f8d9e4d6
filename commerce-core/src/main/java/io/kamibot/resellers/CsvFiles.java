package io.kamibot.resellers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import io.kamibot.stock.DatedCode;
import io.kamibot.wallet.LedgerEntry;

/**
 * Writes resellers' files: UTF-8 with a byte order mark for CSV, so that Excel shows Chinese text right. A text field
 * that a spreadsheet would take for a formula (it begins with {@code = + - @}, a tab or a carriage return) is written
 * with a leading apostrophe, so that opening the file never runs what a code, a reference or a note says. Numbers are
 * written as they are; TXT files are never changed.
 */
final class CsvFiles {

	private static final String BOM = "\uFEFF";

	private CsvFiles() {
	}

	static ResellerFile codes(BulkOrder order, List<DatedCode> codes, FileFormat format) {
		StringBuilder out = new StringBuilder(codes.size() * 48);
		if (format == FileFormat.TXT) {
			codes.forEach(c -> out.append(c.code()).append("\r\n"));
			return new ResellerFile(order.orderNo() + ".txt", "text/plain; charset=utf-8", bytes(out));
		}
		out.append(BOM).append("code,expires_on,order,sku\r\n");
		for (DatedCode code : codes) {
			row(out, text(code.code()), Objects.toString(code.lastDay(), ""), text(order.orderNo()), text(order.sku()));
		}
		return new ResellerFile(order.orderNo() + ".csv", "text/csv; charset=utf-8", bytes(out));
	}

	static ResellerFile statement(String resellerId, String month, List<LedgerEntry> entries) {
		StringBuilder out = new StringBuilder(BOM).append("at,ref,kind,amount_fen,balance_after_fen,note\r\n");
		for (LedgerEntry entry : entries) {
			row(out, entry.at().toString(), text(entry.ref()), entry.kind().name(), Long.toString(entry.amountFen()),
					Objects.toString(entry.balanceAfterFen(), ""), text(Objects.toString(entry.note(), "")));
		}
		return new ResellerFile("statement-" + resellerId + "-" + month + ".csv", "text/csv; charset=utf-8",
				bytes(out));
	}

	/** A text field as a spreadsheet must show it: never as a formula. */
	static String text(String field) {
		if (field.isEmpty()) {
			return field;
		}
		return switch (field.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + field;
			default -> field;
		};
	}

	private static void row(StringBuilder out, String... fields) {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			String field = fields[i];
			if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
					|| field.indexOf('\r') >= 0) {
				out.append('"').append(field.replace("\"", "\"\"")).append('"');
			}
			else {
				out.append(field);
			}
		}
		out.append("\r\n");
	}

	private static byte[] bytes(StringBuilder out) {
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}
}
