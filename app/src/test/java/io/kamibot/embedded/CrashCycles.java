package io.kamibot.embedded;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kamibot.embedded.WebBuyer.Purchase;
import io.kamibot.shop.ShopClient;
import tools.jackson.databind.JsonNode;

/**
 * Kill cycles against the embedded default, in a child JVM on one data directory. In each, buyers purchase in the web
 * chat from several threads; right after some of them were shown their codes, and with more purchases in flight, the
 * app is killed with SIGKILL and started again on the same directory. Then: every delivery a buyer saw must still be
 * there (the order shows that code), the remaining stock is bought out and no code may have gone to two orders, and
 * nothing the app started (the embedded Redis) may have outlived it.
 */
final class CrashCycles implements AutoCloseable {

	/**
	 * @param seen deliveries buyers were shown before the kill
	 * @param lost of those, the ones missing after the restart, with what the chat showed instead
	 * @param soldTwice codes that went to two orders, with both
	 * @param orphans processes the app had started that were still running 10 s after it was killed
	 */
	record Cycle(int number, int seen, List<String> lost, List<String> soldTwice, List<String> orphans,
			int boughtOut, Duration restart) {

		boolean clean() {
			return lost.isEmpty() && soldTwice.isEmpty() && orphans.isEmpty();
		}
	}

	static final String SKU = "CRASH";
	private static final int CODES_PER_CYCLE = 200;
	private static final int MAX_PER_THREAD = 100;
	private static final int ORDER_AT_MOST = 50;
	private static final Duration LOAD_WITHIN = Duration.ofSeconds(60);
	private static final Duration ORPHANS_GONE_WITHIN = Duration.ofSeconds(10);

	private final SecureRandom random = new SecureRandom();
	private final Map<String, String> tokens = new ConcurrentHashMap<>();
	/** Every code any buyer was shown, with its order: a second order for a code is a code sold twice. */
	private final Map<String, String> owners = new HashMap<>();
	private final ChildApp.Setup setup;
	private final int threads;
	private ChildApp app;

	CrashCycles(Path work, int threads) {
		// C1 only: the JVM starts in less CPU time on a small machine, and how fast it then runs does not matter here.
		this.setup = ChildApp.Setup.of(work.resolve("data"), work.resolve("app.log"), "crash-admin-" + hex(12))
			.withJvm(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
		this.threads = threads;
	}

	Cycle run(int number) throws InterruptedException {
		if (app == null) {
			app = ChildApp.start(setup);
			ShopClient.ok(admin().saveProduct(SKU, "{\"title\":\"Crash\",\"priceFen\":100,\"maxPerOrder\":50}"));
		}
		StringBuilder codes = new StringBuilder();
		String batch = hex(4);
		for (int i = 0; i < CODES_PER_CYCLE; i++) {
			codes.append("CRASH-").append(number).append('-').append(batch).append('-').append(i).append('\n');
		}
		ShopClient.ok(admin().importCodes(SKU, codes.toString()));

		Killed killed = purchaseUntilKilled(number);
		app = ChildApp.start(setup);

		List<String> lost = new ArrayList<>();
		List<String> soldTwice = new ArrayList<>();
		WebBuyer buyer = new WebBuyer(app.port(), tokens);
		for (Purchase purchase : killed.seen()) {
			String shown = shownNow(buyer, purchase);
			if (shown != null) {
				lost.add(purchase.orderNo() + " was shown " + purchase.codes() + ", now: " + shown);
			}
			own(purchase, soldTwice);
		}
		List<Purchase> buyOut = buyOut(buyer, number);
		buyOut.forEach(purchase -> own(purchase, soldTwice));
		return new Cycle(number, killed.seen().size(), lost, soldTwice, killed.orphans(),
				buyOut.stream().mapToInt(p -> p.codes().size()).sum(), app.coldStart());
	}

	String logTail(int lines) {
		return ChildApp.tail(setup.log(), lines);
	}

	@Override
	public void close() {
		if (app != null) {
			app.close();
		}
	}

	private record Killed(List<Purchase> seen, List<String> orphans) {
	}

	/**
	 * Buys from several threads and kills the app right after a random number of deliveries were seen; then waits for
	 * what the app had started to end.
	 */
	private Killed purchaseUntilKilled(int number) throws InterruptedException {
		int killAfter = 20 + random.nextInt(30);
		CountDownLatch enough = new CountDownLatch(killAfter);
		AtomicBoolean killed = new AtomicBoolean();
		Queue<Purchase> seen = new ConcurrentLinkedQueue<>();
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		WebBuyer buyer = new WebBuyer(app.port(), tokens, Duration.ofSeconds(30));
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			int thread = t;
			pool.execute(() -> {
				for (int n = 0; n < MAX_PER_THREAD && !killed.get(); n++) {
					try {
						Optional<Purchase> bought = buyer.buy(WebBuyer.newChatId("c" + number + "t" + thread), SKU, 1);
						bought.filter(purchase -> !purchase.codes().isEmpty()).ifPresent(purchase -> {
							seen.add(purchase);
							enough.countDown();
						});
					}
					catch (RuntimeException e) {
						if (!killed.get()) {
							failures.add(e.toString());
						}
					}
				}
			});
		}
		boolean reached = enough.await(LOAD_WITHIN.toSeconds(), TimeUnit.SECONDS);
		killed.set(true);
		List<ProcessHandle> started = app.kill();
		pool.shutdown();
		boolean finished = pool.awaitTermination(60, TimeUnit.SECONDS);
		if (!reached || !finished) {
			orphansOf(started);
			throw new AssertionError("Cycle " + number + ": " + seen.size() + " of " + killAfter
					+ " deliveries within " + LOAD_WITHIN + (finished ? "" : ", buyers still busy 60 s after the kill")
					+ "; failures: " + failures + "\n" + logTail(60));
		}
		return new Killed(List.copyOf(seen), orphansOf(started));
	}

	private List<String> orphansOf(List<ProcessHandle> processes) {
		List<String> orphans = new ArrayList<>();
		for (ProcessHandle process : processes) {
			if (!ProcessExit.within(process, ORPHANS_GONE_WITHIN)) {
				orphans.add(process.pid() + " " + process.info().commandLine().orElse("?"));
				process.destroyForcibly();
			}
		}
		return orphans;
	}

	/** Buys every code still available, in orders of up to {@value #ORDER_AT_MOST}, each from a new buyer. */
	private List<Purchase> buyOut(WebBuyer buyer, int number) {
		List<Purchase> bought = new ArrayList<>();
		for (int order = 0; order <= CODES_PER_CYCLE; order++) {
			long available = admin().levels(SKU).get("available").asLong();
			if (available == 0) {
				break;
			}
			Optional<Purchase> purchase = buyer.buy(WebBuyer.newChatId("out" + number), SKU,
					(int) Math.min(available, ORDER_AT_MOST));
			if (purchase.isEmpty()) {
				break;
			}
			bought.add(purchase.get());
		}
		return bought;
	}

	/** What the buyer's chat shows for the order when that is not the codes it showed before; else null. */
	private static String shownNow(WebBuyer buyer, Purchase purchase) {
		try {
			JsonNode shown = buyer.press(purchase.chatId(), "c:" + purchase.orderNo());
			return WebBuyer.codes(shown).containsAll(purchase.codes()) ? null : ShopClient.text(shown);
		}
		catch (RuntimeException e) {
			return e.toString();
		}
	}

	private void own(Purchase purchase, List<String> soldTwice) {
		for (String code : purchase.codes()) {
			String earlier = owners.putIfAbsent(code, purchase.orderNo());
			if (earlier != null && !earlier.equals(purchase.orderNo())) {
				soldTwice.add(code + " to " + earlier + " and " + purchase.orderNo());
			}
		}
	}

	private ShopClient admin() {
		return new ShopClient(app.port(), setup.adminToken());
	}

	private String hex(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}
}
