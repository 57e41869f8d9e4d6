package io.kamibot.redeem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Issuer;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.RedeemerDraft;
import io.kamibot.redemption.RedeemerKey;
import io.kamibot.redemption.Redeemers;
import io.kamibot.redemption.Redemptions;
import io.kamibot.resellers.BulkOrders;
import io.kamibot.resellers.ResellerDraft;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.resellers.Resellers;
import io.kamibot.stock.DatedCode;
import io.kamibot.stock.Redemption.Outcome;
import io.kamibot.stock.Stock;
import io.kamibot.stock.Vouchers;
import io.kamibot.testing.TestRedis;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redemptions per second and their p99 over loopback HTTP, each call signed as a redeemer's system signs it, from 64
 * concurrent clients, on the on-disk embedded default with 100,000 sold own vouchers; beside the raw driver's rate of
 * the same conditional update (by keyed hash, SOLD → REDEEMED) from as many threads on the same server. Prints a
 * Markdown table (also to {@code target/redemption-benchmark.md}) with the load average. Command: docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/bench-data/redemption", "kamibot.demo.enabled=false",
		"kamibot.admin.api-token=redemption-benchmark-admin-token-0123",
		"kamibot.redeem-api.requests-per-minute=100000000", "logging.level.io.kamibot=WARN" })
@Timeout(1800)
class RedemptionBenchmark {

	private static final int CODES = Integer.getInteger("kamibot.redeem.codes", 100_000);
	private static final int CLIENTS = Integer.getInteger("kamibot.redeem.clients", 64);
	private static final int WARM_UP = Math.min(20_000, CODES / 5);
	/** Redeemed through the core's service alone, to tell the HTTP path's cost from the redemption's. */
	private static final int IN_PROCESS = CODES / 5;
	private static final int BULK = 10_000;
	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Vouchers vouchers;

	@Autowired
	Stock stock;

	private String generation;
	private final Set<String> failedFirst = ConcurrentHashMap.newKeySet();

	@Autowired
	Resellers resellers;

	@Autowired
	ResellerWallets wallets;

	@Autowired
	BulkOrders bulk;

	@Autowired
	Redeemers redeemers;

	@Autowired
	Redemptions redemptions;

	@Autowired
	MongoTemplate mongo;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/bench-data/redemption"));
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	@Test
	void redeemsSignedOverHttpBesideTheRawDriversConditionalUpdate() throws Exception {
		List<String> all = soldCodes(CODES + IN_PROCESS);
		List<String> codes = all.subList(0, CODES);
		RedeemerKey key = redeemer();
		SignedClient client = new SignedClient(port, key.keyId(), key.secret());

		Run warmUp = redeemAll(client, codes.subList(0, WARM_UP));
		ThreadCpu before = ThreadCpu.now();
		Run http = redeemAll(client, codes.subList(WARM_UP, codes.size()));
		String httpThreads = ThreadCpu.now().since(before, http.count());
		Redeemer counter = redeemers.get("bench-counter");
		List<String> direct = all.subList(CODES, all.size());
		before = ThreadCpu.now();
		Run core = concurrently(direct.size(), i -> redemptions.redeem(counter, direct.get(i), "benchmark")
			.outcome() == Outcome.REDEEMED);
		String coreThreads = ThreadCpu.now().since(before, core.count());
		before = ThreadCpu.now();
		Run raw = rawConditionalUpdates(codes.size() - WARM_UP);
		String rawThreads = ThreadCpu.now().since(before, raw.count());
		long twice = redeemedTwice(client, codes);

		String load = Files.readString(Path.of("/proc/loadavg")).strip();
		String table = String.join("\n", "| work | redemptions | per second | p50 | p99 | ratio to raw "
				+ "| JVM CPU per redemption | of it, the callers' threads |",
				"|---|---|---|---|---|---|---|---|",
				http.row("signed HTTP, " + CLIENTS + " clients", raw),
				core.row("the core's Redemptions.redeem, " + CLIENTS + " threads, no HTTP", raw),
				raw.row("raw driver findOneAndUpdate, " + CLIENTS + " threads", raw),
				"", generation + ".",
				"", "CPU per redemption by thread (Linux's count, ticks of 10 ms): signed HTTP: " + httpThreads + ".",
				"", "The core's: " + coreThreads + ".", "", "Raw (its setup included): " + rawThreads + ".",
				"", "warm-up: " + warmUp.count() + " redemptions at " + Math.round(warmUp.perSecond()) + "/s; "
						+ "answered other than 200: " + (http.failures() + warmUp.failures())
						+ "; a second redemption of a code redeemed once answered 200: " + twice + "; " + Runtime.getRuntime()
							.availableProcessors() + " cores; load average " + load);
		System.out.println("\n" + table + "\n");
		Files.writeString(Path.of("target/redemption-benchmark.md"), table + "\n");
		assertThat(http.failures() + warmUp.failures()).isZero();
		assertThat(twice).isZero();
	}

	/** Own vouchers generated as the admin API does, then sold in bulk orders, as a reseller's system buys them. */
	private List<String> soldCodes(int count) {
		Sku sku = new Sku("BENCH-VOUCHER");
		catalog.save(sku, new ProductDraft("Benchmark voucher", null, null, 1L, null, true, 1000, 0, Issuer.SHOP));
		Sku imported = new Sku("BENCH-IMPORTED");
		catalog.save(imported, new ProductDraft("Benchmark import", null, null, 1L, null, true, 1000, 0));
		StringBuilder lines = new StringBuilder(count * 20);
		for (int i = 0; i < count; i++) {
			lines.append("BENCH-IMPORTED-").append(i).append('\n');
		}
		long started = System.nanoTime();
		stock.importCodes(imported, new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
				"benchmark");
		generation = String.format("the import of %,d codes took %.1f s", count, (System.nanoTime() - started) / 1e9);
		started = System.nanoTime();
		vouchers.generate(sku, count, 16, null, "benchmark");
		generation += String.format(", generating as many own vouchers %.1f s", (System.nanoTime() - started) / 1e9);
		System.out.println(generation);
		resellers.save("bench", new ResellerDraft("Bench", 1, null, null, null, null));
		wallets.topUp("bench", count * 10L, "bench-top-up", "benchmark");
		List<String> codes = new ArrayList<>(count);
		started = System.nanoTime();
		for (int i = 0; i * BULK < count; i++) {
			int quantity = Math.min(BULK, count - i * BULK);
			bulk.order("bench", sku, quantity, "bench-" + i, "benchmark").codes().stream().map(DatedCode::code)
				.forEach(codes::add);
		}
		System.out.printf("sold %,d codes in %.1f s%n", codes.size(), (System.nanoTime() - started) / 1e9);
		return codes;
	}

	private RedeemerKey redeemer() {
		redeemers.save("bench-counter", new RedeemerDraft("Benchmark counter", List.of("BENCH-VOUCHER")));
		return redeemers.issueKey("bench-counter");
	}

	private Run redeemAll(SignedClient client, List<String> codes) throws Exception {
		return concurrently(codes.size(), i -> {
			Answer answer = client.post(RedeemApi.PREFIX + "redemptions", "{\"code\":\"" + codes.get(i) + "\"}");
			if (answer.status() != 200) {
				failedFirst.add(codes.get(i));
				System.out.println("answered " + answer.status() + ": " + answer.body());
			}
			return answer.status() == 200;
		});
	}

	/** Codes redeemed once (answered 200) redeemed again, answered 200: a code redeemed twice. */
	private long redeemedTwice(SignedClient client, List<String> codes) throws Exception {
		List<String> once = codes.stream().filter(c -> !failedFirst.contains(c)).toList();
		int sample = Math.min(once.size(), 2_000);
		Run again = concurrently(sample, i -> client.post(RedeemApi.PREFIX + "redemptions",
				"{\"code\":\"" + once.get(i * (once.size() / sample)) + "\"}").status() != 200);
		return again.failures();
	}

	/** The same conditional update through the raw driver on the same server, on documents of the same shape. */
	private Run rawConditionalUpdates(int count) throws Exception {
		MongoCollection<Document> raw = mongo.getCollection("bench_raw_redeem");
		raw.drop();
		raw.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true));
		SecureRandom random = new SecureRandom();
		List<String> lookups = new ArrayList<>(count);
		List<Document> batch = new ArrayList<>();
		Date never = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
		for (int i = 0; i < count; i++) {
			byte[] hash = new byte[32];
			random.nextBytes(hash);
			lookups.add(HexFormat.of().formatHex(hash));
			batch.add(new Document("lookup", lookups.get(i)).append("sku", "BENCH-VOUCHER").append("status", "SOLD")
				.append("issuer", "SHOP").append("orderNo", "K" + i).append("sellBy", never));
			if (batch.size() == 1000) {
				raw.insertMany(batch);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			raw.insertMany(batch);
		}
		return concurrently(count, i -> {
			Date now = new Date();
			return raw.findOneAndUpdate(Filters.and(Filters.eq("lookup", lookups.get(i)), Filters.eq("status", "SOLD"),
					Filters.eq("issuer", "SHOP"), Filters.in("sku", List.of("BENCH-VOUCHER")), Filters.gt("sellBy", now)),
					Updates.combine(Updates.set("status", "REDEEMED"), Updates.set("redeemedAt", now),
							Updates.set("redeemedBy", "bench-counter"), Updates.set("changedAt", now))) != null;
		});
	}

	private Run concurrently(int count, Step step) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicLong failures = new AtomicLong();
		AtomicLong callersCpu = new AtomicLong();
		long[] nanos = new long[count];
		ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
		long cpuBefore = processCpuNanos();
		long started = System.nanoTime();
		try {
			List<Future<?>> clients = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				clients.add(threads.submit(() -> {
					long ownCpu = THREADS.getCurrentThreadCpuTime();
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						long t = System.nanoTime();
						if (!step.run(i)) {
							failures.incrementAndGet();
						}
						nanos[i] = System.nanoTime() - t;
					}
					callersCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - ownCpu);
					return null;
				}));
			}
			for (Future<?> client : clients) {
				client.get(20, TimeUnit.MINUTES);
			}
		}
		finally {
			threads.shutdownNow();
		}
		long elapsed = System.nanoTime() - started;
		long cpu = processCpuNanos() - cpuBefore;
		Arrays.sort(nanos);
		return new Run(count, elapsed, nanos[count / 2], nanos[Math.min(count - 1, (int) (count * 0.99))],
				failures.get(), cpu, callersCpu.get());
	}

	/** CPU time of this whole JVM (the app, the embedded store, the callers), all threads together. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	@FunctionalInterface
	private interface Step {

		boolean run(int index) throws Exception;
	}

	/**
	 * @param cpu the JVM's CPU time during the run
	 * @param callersCpu that of the threads calling (signing, HTTP)
	 */
	private record Run(int count, long nanos, long p50, long p99, long failures, long cpu, long callersCpu) {

		double perSecond() {
			return count / (nanos / 1e9);
		}

		String row(String work, Run raw) {
			return String.format("| %s | %,d | %,.0f | %.1f ms | %.1f ms | %.0f %% | %,.0f µs | %,.0f µs |", work, count,
					perSecond(), p50 / 1e6, p99 / 1e6, 100 * perSecond() / raw.perSecond(), cpu / 1e3 / count,
					callersCpu / 1e3 / count);
		}
	}

	/** An answer's status and body. */
	private record Answer(int status, String body) {
	}

	/**
	 * A redeemer's system: signs each call as docs/vouchers.md shows, with its own code, not the shop's. It sends
	 * through one kept-alive socket per calling thread, writing the request and reading the answer (with its
	 * Content-Length, or chunked) itself: the JDK's {@code HttpClient} took 240-270 µs of CPU per call on the same two
	 * cores as the shop, which a redeemer's own machine would not share. {@code -Dkamibot.redeem.client=jdk} sends
	 * through the JDK's client instead.
	 */
	private static final class SignedClient {

		private static final boolean JDK = "jdk".equals(System.getProperty("kamibot.redeem.client"));
		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		private final ThreadLocal<Connection> connections = new ThreadLocal<>();
		private final int port;
		private final String keyId;
		private final String secret;
		private final AtomicLong nonces = new AtomicLong();

		SignedClient(int port, String keyId, String secret) {
			this.port = port;
			this.keyId = keyId;
			this.secret = secret;
		}

		Answer post(String path, String body) throws Exception {
			String timestamp = Long.toString(Instant.now().getEpochSecond());
			String nonce = "bench" + System.nanoTime() + "x" + nonces.incrementAndGet();
			String canonical = String.join("\n", "POST", path, timestamp, nonce, hex(sha256(body)));
			String signature = hex(hmac(canonical));
			if (JDK) {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.header("X-Kamibot-Key", keyId)
					.header("X-Kamibot-Timestamp", timestamp)
					.header("X-Kamibot-Nonce", nonce)
					.header("X-Kamibot-Signature", signature)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
				return new Answer(answer.statusCode(), answer.body());
			}
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
					+ "\r\nX-Kamibot-Key: " + keyId + "\r\nX-Kamibot-Timestamp: " + timestamp
					+ "\r\nX-Kamibot-Nonce: " + nonce + "\r\nX-Kamibot-Signature: " + signature + "\r\n\r\n";
			Connection connection = connections.get();
			if (connection == null) {
				connection = new Connection(port);
				connections.set(connection);
			}
			Answer answer = connection.exchange(head.getBytes(StandardCharsets.US_ASCII), content);
			if (connection.closed()) {
				connections.remove();
			}
			return answer;
		}

		private byte[] hmac(String canonical) throws Exception {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
		}

		private static byte[] sha256(String body) throws Exception {
			return java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
		}

		private static String hex(byte[] bytes) {
			return HexFormat.of().formatHex(bytes);
		}
	}

	/** One kept-alive HTTP/1.1 connection: a request written whole, its answer read to its last byte. */
	private static final class Connection {

		private final java.net.Socket socket;
		private final java.io.OutputStream out;
		private final java.io.DataInputStream in;
		private boolean closed;

		Connection(int port) throws java.io.IOException {
			socket = new java.net.Socket("127.0.0.1", port);
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(60_000);
			out = new java.io.BufferedOutputStream(socket.getOutputStream(), 2048);
			in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 8192));
		}

		Answer exchange(byte[] head, byte[] body) throws java.io.IOException {
			out.write(head);
			out.write(body);
			out.flush();
			String status = line();
			int length = -1;
			boolean chunked = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase();
				String value = header.substring(header.indexOf(':') + 1).trim();
				switch (name) {
					case "content-length" -> length = Integer.parseInt(value);
					case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
					case "connection" -> closed = value.equalsIgnoreCase("close");
					default -> {
					}
				}
			}
			java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
						size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
					answer.write(in.readNBytes(size));
					line();
				}
				line();
			}
			else if (length > 0) {
				answer.write(in.readNBytes(length));
			}
			if (closed) {
				socket.close();
			}
			return new Answer(Integer.parseInt(status.split(" ")[1]), answer.toString(StandardCharsets.UTF_8));
		}

		boolean closed() {
			return closed;
		}

		/** A line of the head, without its CRLF; it fails at the end of the stream (the shop closed the connection). */
		private String line() throws java.io.IOException {
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new java.io.EOFException("the shop closed the connection");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}
	}
}
