package io.kamibot.embedded;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One period of a 500-recipient benefit plan on the whole shop as an owner runs it: a fresh JVM with the
 * {@code kamibot} script's memory settings, the embedded default's store on disk, 500 web chats that talk to the
 * shop, and the period issued through the admin API: the time of its answer (every issue recorded, its codes taken
 * and its order delivered), and the time until every chat, polled as its page does, has its codes. Three rounds, each with its own product and plan; the first is the JVM's first period (cold). Prints the
 * times with the load average. Run it with {@code ./mvnw -pl app -am verify -Dgroups=benchmark
 * -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -Dtest=BenefitPlansAppBenchmark}.
 */
@Tag("benchmark")
@EnabledOnOs(OS.LINUX)
@Timeout(1200)
class BenefitPlansAppBenchmark {

	private static final int RECIPIENTS = 500;
	private static final int ROUNDS = 3;
	/** The {@code kamibot} script's default options: the shop within 512 MB. */
	private static final List<String> SCRIPT_JVM = List.of("-Xmx192m", "-XX:MaxMetaspaceSize=128m",
			"-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=128m", "-XX:+UseSerialGC");
	/** More options for the shop's JVM, e.g. a flight recording: {@code -Dkamibot.bench.child-jvm=...}. */
	private static final String CHILD_JVM = System.getProperty("kamibot.bench.child-jvm", "");

	@TempDir
	Path work;

	@Test
	void issuesAPeriodOf500RecipientsThroughTheAdminApi() {
		String token = "bench-" + UUID.randomUUID();
		StringBuilder table = new StringBuilder("\n| round | period issued (the API's answer) | codes in all 500 chats "
				+ "| the same period again | load average |\n|---|---|---|---|---|\n");
		ExecutorService chats = Executors.newFixedThreadPool(8);
		try (ChildApp app = ChildApp.start(ChildApp.Setup.of(work.resolve("data"), work.resolve("app.log"), token)
			.withJvm(jvm()))) {
			ShopClient shop = new ShopClient(app.port(), token);
			for (int round = 1; round <= ROUNDS; round++) {
				String plan = "bench-" + round;
				List<String> members = prepare(shop, token, plan, chats);
				String issue = "/api/admin/plans/" + plan + "/issue";
				String period = "{\"period\":\"2026-0" + (3 + round) + "\"}";

				long started = System.nanoTime();
				JsonNode first = ShopClient.ok(shop.post(issue, period, "application/json", token));
				long firstMs = (System.nanoTime() - started) / 1_000_000;
				awaitCodes(shop, members);
				long allMs = (System.nanoTime() - started) / 1_000_000;
				started = System.nanoTime();
				JsonNode again = ShopClient.ok(shop.post(issue, period, "application/json", token));
				long againMs = (System.nanoTime() - started) / 1_000_000;

				assertThat(first.get("issued").asLong()).isEqualTo(RECIPIENTS);
				assertThat(again.get("issued").asLong()).isEqualTo(RECIPIENTS);
				table.append(String.format("| %s | %,d ms | %,d ms | %,d ms | %.1f |%n",
						round == 1 ? "1 (cold JVM)" : round, firstMs, allMs, againMs,
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
			}
		}
		finally {
			chats.shutdownNow();
		}
		System.out.println(table);
	}

	/**
	 * Polls the chats one call at a time, as one page polls, round after round over those still without codes, until
	 * each has had its reply with its one code: one client, so the polling takes little from the shop it measures.
	 */
	private static void awaitCodes(ShopClient shop, List<String> members) {
		List<String> waiting = new ArrayList<>(members);
		long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (!waiting.isEmpty() && System.nanoTime() < until) {
			waiting.removeIf(member -> {
				List<JsonNode> codes = shop.receive(member).get("replies").valueStream()
					.filter(reply -> reply.has("codes") && !reply.get("codes").isEmpty()).toList();
				assertThat(codes).as("at most one reply with codes").hasSizeLessThanOrEqualTo(1);
				codes.forEach(code -> assertThat(code.get("codes")).as("one code").hasSize(1));
				return !codes.isEmpty();
			});
		}
		assertThat(waiting).as("chats without their codes after 5 minutes").isEmpty();
	}

	private static List<String> jvm() {
		List<String> options = new ArrayList<>(SCRIPT_JVM);
		options.addAll(List.of(CHILD_JVM.split(" ")).stream().filter(option -> !option.isBlank()).toList());
		return options;
	}

	/** A product with codes, 500 web chats that said /start, and a paused plan with them as recipients. */
	private List<String> prepare(ShopClient shop, String token, String plan, ExecutorService chats) {
		String sku = "BENCH-PERK-" + plan.substring(plan.length() - 1);
		ShopClient.ok(shop.saveProduct(sku, "{\"title\":\"Perk " + plan + "\",\"priceFen\":100}"));
		ShopClient.ok(shop.importCodes(sku, IntStream.range(0, RECIPIENTS + 10)
			.mapToObj(i -> sku + "-" + UUID.randomUUID()).collect(Collectors.joining("\n"))));
		List<String> members = IntStream.range(0, RECIPIENTS).mapToObj(i -> WebBuyer.newChatId(plan)).toList();
		members.stream().map(member -> CompletableFuture.runAsync(() -> shop.say(member, "/start"), chats)).toList()
			.forEach(CompletableFuture::join);
		ShopClient.ok(shop.put("/api/admin/plans/" + plan, "{\"name\":\"Bench " + plan + "\",\"items\":[{\"sku\":\""
				+ sku + "\",\"quantity\":1}],\"cron\":\"0 0 9 1 * ?\",\"startsAt\":\"2026-01-01T00:00:00Z\","
				+ "\"catchUp\":\"skip\"}", token));
		// Paused, so the dispatcher does not issue its latest month on its own while the benchmark issues by hand.
		ShopClient.ok(shop.post("/api/admin/plans/" + plan + "/pause", "", "application/json", token));
		ShopClient.ok(shop.post("/api/admin/plans/" + plan + "/recipients", members.stream()
			.map(m -> "webchat:" + m).collect(Collectors.joining("\n")), "text/plain", token));
		return members;
	}
}
