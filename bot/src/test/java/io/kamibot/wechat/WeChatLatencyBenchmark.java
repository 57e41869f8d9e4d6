package io.kamibot.wechat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.kamibot.testing.InMemoryMongo;
import io.kamibot.wechat.WeChatPushes.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a safe-mode push waits for its passive reply (signature, decryption, inbox, worker, conversation,
 * encryption), over 1,000 pushes from 50 buyers against the in-process MongoDB-compatible server. Prints median,
 * p99 and max, and how many fell back to {@code success}; asserts only that every push got an answer. Run with
 * {@code ./mvnw -pl bot -am verify -Dgroups=benchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=WeChatLatencyBenchmark}.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InMemoryMongo.class)
@DirtiesContext
@Tag("benchmark")
class WeChatLatencyBenchmark {

	private static final int PUSHES = 1_000;
	private static final FakeWeChatApi wechat = new FakeWeChatApi(WeChatChannelTest.APP_ID, WeChatChannelTest.SECRET);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void wechat(DynamicPropertyRegistry registry) throws IOException {
		wechat.startFor(registry);
	}

	@AfterAll
	static void stop() {
		wechat.close();
	}

	@Test
	void passiveReplyLatency() throws Exception {
		WeChatPushes pushes = new WeChatPushes("http://127.0.0.1:" + port + "/wechat/mp", WeChatChannelTest.TOKEN,
				WeChatChannelTest.AES_KEY, WeChatChannelTest.APP_ID, WeChatChannelTest.ACCOUNT);
		for (int i = 0; i < 50; i++) {
			pushes.push(pushes.text("o-warm-" + i, 8_000_000_000L + i, "/help"));
		}
		List<Duration> took = new ArrayList<>();
		int fellBack = 0;
		for (int i = 0; i < PUSHES; i++) {
			Answer answer = pushes.push(pushes.text("o-bench-" + (i % 50), 9_000_000_000L + i, i % 2 == 0 ? "/help" : "/catalog"));
			assertThat(answer.status()).isEqualTo(200);
			if (answer.text() == null) {
				fellBack++;
			}
			took.add(answer.took());
		}
		Collections.sort(took);
		System.out.printf("WeChat passive reply over %d safe-mode pushes: median %.1f ms, p99 %.1f ms, max %.1f ms, "
				+ "%d answered 'success' instead%n", PUSHES, ms(took.get(PUSHES / 2)), ms(took.get(PUSHES * 99 / 100)),
				ms(took.get(PUSHES - 1)), fellBack);
	}

	private static double ms(Duration d) {
		return d.toNanos() / 1e6;
	}
}
