package io.kamibot.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table {@link ScaleBenchmark} prints: one row per size, each cell as measured, or why it was not. */
final class ScaleTable {

	private static final String HEADER = "| stock (codes) | orders | first purchase | purchase p50 | purchase p99 | catalog p50 "
			+ "| import through the API | raw insertMany, same server | API/raw | cold start | RSS after "
			+ "| peak RSS importing | load |";

	private static final String NOTES = """

			stock: codes available when measured (the row's aim). orders: orders in the database; those not bought
			through the web chat are copies of the bought ones' documents (order, payment, delivery, sold code) made
			with the raw driver under new order numbers. import: one streamed POST /api/admin/products/SCALE/stock
			of the codes the row needed; raw insertMany: as many documents shaped like imported codes, 1,000 a batch,
			into a scratch collection with the stock's indexes on the same embedded server. cold start: from running
			./kamibot (its class-data archive recorded at an earlier start) until the web chat answered. first
			purchase: the first after the cold start; it and the warm-up purchases after it are not in p50 and p99.
			RSS after: VmRSS after the purchases; peak RSS importing: VmHWM of the run that made the history and
			imported. load: 1-minute load average as the row ended.
			""";

	/** A row's aim: codes in stock and orders in the history, written like {@code 1k:100k} or {@code 1m:1k}. */
	record Size(long stock, long orders) {

		static Size parse(String text) {
			String[] parts = text.split(":");
			return new Size(count(parts[0]), count(parts[1]));
		}

		private static long count(String text) {
			String lower = text.toLowerCase(Locale.ROOT);
			if (lower.endsWith("m")) {
				return Long.parseLong(lower.substring(0, lower.length() - 1)) * 1_000_000;
			}
			if (lower.endsWith("k")) {
				return Long.parseLong(lower.substring(0, lower.length() - 1)) * 1_000;
			}
			return Long.parseLong(lower);
		}
	}

	/** @param failure why the import did not finish ("timeout", "app died …"), or {@code null} */
	record Import(long codes, long nanos, String failure) {
	}

	/** One row's measurements, filled in as they are taken. */
	static final class Row {

		private final Size size;
		private final List<Long> catalog = new ArrayList<>();
		private final List<Long> purchases = new ArrayList<>();
		private final List<Long> warmUp = new ArrayList<>();
		private long stock;
		private long orders;
		private int realOrders;
		private Import imported;
		private RawDriver.Timed raw;
		private long peakKb = -1;
		private long rssKb = -1;
		private Duration coldStart;
		private int notShown;
		private String load = "—";
		private String stopped = "timeout";

		Row(Size size) {
			this.size = size;
		}

		void orders(long count, int real) {
			orders = count;
			realOrders = real;
		}

		void imported(Import result) {
			imported = result;
		}

		void raw(RawDriver.Timed result) {
			raw = result;
		}

		void stock(long count) {
			stock = count;
		}

		void importPeakKb(long kb) {
			peakKb = kb;
		}

		void coldStart(Duration time) {
			coldStart = time;
		}

		void catalog(long nanos) {
			catalog.add(nanos);
		}

		/** A purchase after the cold start that is not counted in the percentiles: the JVM is still warming up. */
		void warmUp(long nanos) {
			warmUp.add(nanos);
		}

		void purchase(long nanos, boolean codeShown) {
			purchases.add(nanos);
			notShown += codeShown ? 0 : 1;
		}

		void rssKb(long kb) {
			rssKb = kb;
		}

		/** Why the catalog views or purchases ended early, when not for the time budget. */
		void stopped(String reason) {
			String text = String.valueOf(reason).replace('\n', ' ').replace('|', '/');
			stopped = text.length() > 60 ? text.substring(0, 60) + "…" : text;
		}

		/** The machine's load average over the last minute when the row ended: other work skews every time. */
		void load(String average) {
			load = average;
		}

		private List<String> cells(int plannedPurchases) {
			String cut = purchases.size() < plannedPurchases
					? " (" + purchases.size() + "/" + plannedPurchases + ", then " + stopped + ")" : "";
			String unseen = notShown > 0 ? " (" + notShown + " without code)" : "";
			return List.of(number(stock) + " (aim " + number(size.stock()) + ")",
					number(orders) + " (" + number(realOrders) + " bought)",
					warmUp.isEmpty() ? "—" : number(warmUp.get(0) / 1_000_000) + " ms",
					percentile(purchases, 0.50) + cut + unseen, percentile(purchases, 0.99) + cut,
					percentile(catalog, 0.50), importCell(), rawCell(), ratio(),
					coldStart == null ? "—" : String.format(Locale.ROOT, "%.1f s", coldStart.toMillis() / 1e3),
					megabytes(rssKb), megabytes(peakKb), load);
		}

		private String importCell() {
			if (imported == null || imported.codes() == 0 && imported.failure() == null) {
				return "—";
			}
			String rate = number(imported.codes()) + " codes, " + rate(imported.codes(), imported.nanos()) + "/s";
			return imported.failure() == null ? rate
					: imported.failure() + " after " + seconds(imported.nanos()) + " (" + rate + ")";
		}

		private String rawCell() {
			return raw == null || raw.count() == 0 ? "—"
					: number(raw.count()) + " docs, " + rate(raw.count(), raw.nanos()) + "/s";
		}

		private String ratio() {
			if (imported == null || raw == null || imported.codes() == 0 || raw.count() == 0) {
				return "—";
			}
			double api = imported.codes() / (imported.nanos() / 1e9);
			return String.format(Locale.ROOT, "%.0f %%", 100 * api / raw.perSecond());
		}
	}

	private final List<Row> rows = new ArrayList<>();
	private final String heading;
	private final int purchases;

	ScaleTable(String heap, int purchases, Duration budget) {
		this.purchases = purchases;
		this.heading = "Kamibot scale benchmark, " + Instant.now() + ": packaged app started by ./kamibot (-Xmx" + heap + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
				+ "), embedded default; " + purchases + " sequential web chat purchases per row (/buy + sandbox pay "
				+ "until the code shows), " + "/catalog p50 of 20; row budget " + budget + ".";
	}

	void add(Row row) {
		rows.add(row);
	}

	String lastLine() {
		return line(rows.get(rows.size() - 1));
	}

	String render() {
		StringBuilder table = new StringBuilder(heading).append("\n\n").append(HEADER).append('\n');
		table.append("|---".repeat(13)).append("|\n");
		rows.forEach(row -> table.append(line(row)).append('\n'));
		return table.append(NOTES).toString();
	}

	private String line(Row row) {
		return "| " + String.join(" | ", row.cells(purchases)) + " |";
	}

	private static String percentile(List<Long> nanos, double share) {
		if (nanos.isEmpty()) {
			return "—";
		}
		List<Long> sorted = nanos.stream().sorted().toList();
		int index = Math.max(0, (int) Math.ceil(share * sorted.size()) - 1);
		return number(sorted.get(index) / 1_000_000) + " ms";
	}

	private static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	private static String rate(long count, long nanos) {
		return nanos == 0 ? "—" : number(Math.round(count / (nanos / 1e9)));
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.0f s", nanos / 1e9);
	}

	private static String megabytes(long kb) {
		return kb < 0 ? "—" : number(kb / 1024) + " MB";
	}
}
