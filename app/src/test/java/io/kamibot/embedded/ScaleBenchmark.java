package io.kamibot.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.kamibot.embedded.WebBuyer.Purchase;
import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the embedded default's hot paths cost as stock and order history grow, measured from outside on the packaged app
 * started by the project's {@code kamibot} script ({@code -Xmx256m}), the way a buyer and an owner meet it. Rows grow one data directory in turn; per row, within a
 * time budget (a phase out of time prints "timeout"): the order history is made (real web chat purchases, the rest
 * copies of their documents through the raw driver), the stock is topped up in one streamed import through the admin
 * API and the raw driver's {@code insertMany} writes as many similar documents to the same server, the app is
 * restarted (cold start), then {@code /catalog} and sequential purchases are timed and the resident memory read.
 * Prints a Markdown table and writes it to {@code target/scale-benchmark.md}. See docs/benchmarks.md for the command.
 */
@Tag("benchmark")
@EnabledOnOs(OS.LINUX)
class ScaleBenchmark {

	private static final String SKU = "SCALE";
	private static final Pattern MONGO = Pattern.compile("The embedded database listens on mongodb://(\\S+) ");
	private static final String ROWS = System.getProperty("kamibot.scale.rows", "1k:1k,100k:1k,1m:1k,1m:100k");
	private static final int PURCHASES = Integer.getInteger("kamibot.scale.purchases", 100);
	private static final int REAL_ORDERS = Integer.getInteger("kamibot.scale.real-orders", 1000);
	private static final Duration BUDGET = Duration.parse(System.getProperty("kamibot.scale.row-budget", "PT30M"));
	private static final String HEAP = System.getProperty("kamibot.scale.xmx", "256m");
	private static final int WARM_UP = Integer.getInteger("kamibot.scale.warm-up", 10);
	private static final String CHILD_JVM = System.getProperty("kamibot.scale.child-jvm", "");
	private static final int CATALOG_VIEWS = 20;
	private static final int HISTORY_THREADS = 4;

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	private final SecureRandom random = new SecureRandom();
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final Map<String, String> tokens = new ConcurrentHashMap<>();
	private final List<String> realOrders = new ArrayList<>();
	private final String adminToken = "scale-admin-" + hex(12);
	private ChildApp.Setup setup;
	private ChildApp app;
	private long available;
	private long orders;
	private long imported;

	@Test
	void measuresPurchasesCatalogImportStartAndMemoryAsStockAndHistoryGrow() throws Exception {
		setup = ChildApp.Setup.of(work.resolve("data"), work.resolve("app.log"), adminToken)
			.withJvm(jvmOptions())
			.withLine(MONGO)
			.withStartWithin(Duration.ofMinutes(15))
			.packaged();
		ScaleTable table = new ScaleTable(HEAP, PURCHASES, BUDGET);
		try {
			app = ChildApp.start(setup);
			ShopClient.ok(admin().saveProduct(SKU, "{\"title\":\"Scale\",\"priceFen\":100}"));
			for (String row : ROWS.split(",")) {
				table.add(measure(ScaleTable.Size.parse(row.strip())));
				System.out.println(table.lastLine());
			}
		}
		finally {
			if (app != null) {
				app.close();
			}
			String printed = table.render();
			System.out.println(printed);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "scale-benchmark.md"), printed);
		}
	}

	private ScaleTable.Row measure(ScaleTable.Size size) throws Exception {
		ScaleTable.Row row = new ScaleTable.Row(size);
		Instant end = Instant.now().plus(BUDGET);
		if (orders < size.orders()) {
			makeHistory(size.orders(), until(end, 0.25));
		}
		long wanted = Math.max(0, size.stock() + PURCHASES - available);
		row.imported(importCodes(wanted, until(end, 0.35)));
		try (RawDriver raw = new RawDriver(app.line().group(1))) {
			row.orders(raw.orders(), realOrders.size());
			row.raw(raw.insertMany(wanted, until(end, 0.15)));
		}
		row.stock(available);
		row.importPeakKb(app.statusKb("VmHWM"));
		app.stop();
		app = ChildApp.start(setup);
		row.coldStart(app.coldStart());
		WebBuyer buyer = new WebBuyer(app.port(), tokens, Duration.ofMinutes(5));
		String chat = WebBuyer.newChatId("catalog");
		try {
			for (int i = 0; i < CATALOG_VIEWS && Instant.now().isBefore(end); i++) {
				long start = System.nanoTime();
				buyer.say(chat, "/catalog");
				row.catalog(System.nanoTime() - start);
			}
			for (int i = 0; i < WARM_UP && Instant.now().isBefore(end); i++) {
				long start = System.nanoTime();
				buyer.buy(WebBuyer.newChatId("warm-up"), SKU, 1)
					.orElseThrow(() -> new IllegalStateException("no order placed"));
				row.warmUp(System.nanoTime() - start);
				available--;
				orders++;
			}
			for (int i = 0; i < PURCHASES && Instant.now().isBefore(end); i++) {
				long start = System.nanoTime();
				Purchase purchase = buyer.buy(WebBuyer.newChatId("scale"), SKU, 1)
					.orElseThrow(() -> new IllegalStateException("no order placed"));
				row.purchase(System.nanoTime() - start, !purchase.codes().isEmpty());
				available--;
				orders++;
			}
		}
		catch (RuntimeException e) {
			// The cells say how far it got; the log says why.
			row.stopped(e.getMessage());
			System.out.println("Row " + size + " stopped: " + e + "\n" + app.tail(40));
		}
		row.rssKb(app.statusKb("VmRSS"));
		row.load(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		return row;
	}

	/** Real purchases in the web chat up to {@code kamibot.scale.real-orders}, then copies of them. */
	private void makeHistory(long target, Instant until) throws Exception {
		int real = (int) Math.max(0, Math.min(target, REAL_ORDERS) - realOrders.size());
		if (real > 0) {
			importCodes(real, until);
			Queue<String> placed = new ConcurrentLinkedQueue<>();
			AtomicInteger next = new AtomicInteger();
			WebBuyer buyer = new WebBuyer(app.port(), tokens);
			ExecutorService pool = Executors.newFixedThreadPool(HISTORY_THREADS);
			for (int t = 0; t < HISTORY_THREADS; t++) {
				pool.execute(() -> {
					while (next.getAndIncrement() < real && Instant.now().isBefore(until)) {
						try {
							buyer.buy(WebBuyer.newChatId("history"), SKU, 1).ifPresent(p -> placed.add(p.orderNo()));
						}
						catch (RuntimeException e) {
							System.out.println("A history purchase failed: " + e);
						}
					}
				});
			}
			pool.shutdown();
			pool.awaitTermination(Duration.between(Instant.now(), until).toSeconds() + 300, TimeUnit.SECONDS);
			realOrders.addAll(placed);
			orders += placed.size();
			available -= placed.size();
		}
		if (orders < target && !realOrders.isEmpty()) {
			try (RawDriver raw = new RawDriver(app.line().group(1))) {
				orders += raw.cloneOrders(realOrders, target - orders, until);
			}
		}
	}

	/** One streamed import through the admin API; the result, or why there is none. */
	private ScaleTable.Import importCodes(long count, Instant until) throws Exception {
		if (count == 0) {
			return new ScaleTable.Import(0, 0, null);
		}
		String prefix = "SCALE-" + hex(4) + "-" + imported + "-";
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/admin/products/" + SKU + "/stock"))
			.timeout(Duration.between(Instant.now(), until).plusSeconds(1))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new CodeLines(prefix, count)))
			.build();
		long start = System.nanoTime();
		String failure;
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			long nanos = System.nanoTime() - start;
			if (response.statusCode() == 200) {
				long done = ShopClient.parse(response.body()).get("imported").asLong();
				imported += done;
				available += done;
				return new ScaleTable.Import(done, nanos, null);
			}
			failure = "HTTP " + response.statusCode();
		}
		catch (HttpTimeoutException e) {
			failure = "timeout";
		}
		catch (IOException e) {
			failure = app.alive() ? "failed: " + e.getMessage() : "app died" + (app.tail(200).contains(
					"OutOfMemoryError") ? " (OutOfMemoryError)" : "");
		}
		long nanos = System.nanoTime() - start;
		if (!app.alive()) {
			app = ChildApp.start(setup);
		}
		long now = availableNow();
		imported += now - available;
		long done = now - available;
		available = now;
		return new ScaleTable.Import(done, nanos, failure);
	}

	/** Counted by the app; may take long on a large stock, hence not {@link ShopClient#levels}' 30 s. */
	private long availableNow() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/admin/products/" + SKU + "/stock"))
			.timeout(Duration.ofMinutes(10))
			.header("Authorization", "Bearer " + adminToken)
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		return ShopClient.ok(response).get("available").asLong();
	}

	private static List<String> jvmOptions() {
		List<String> options = new ArrayList<>(List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError"));
		options.addAll(List.of(CHILD_JVM.split(" ")).stream().filter(option -> !option.isBlank()).toList());
		return options;
	}

	private static Instant until(Instant end, double share) {
		Instant phase = Instant.now().plus(Duration.ofMillis((long) (BUDGET.toMillis() * share)));
		return phase.isBefore(end) ? phase : end;
	}

	private ShopClient admin() {
		return new ShopClient(app.port(), adminToken);
	}

	private String hex(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value).toUpperCase(Locale.ROOT);
	}
}
