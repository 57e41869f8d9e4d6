package io.kamibot.wechat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.testing.InMemoryMongo;
import io.kamibot.wechat.FakeWeChatApi.Sent;
import io.kamibot.wechat.WeChatPushes.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A push waiting for its passive reply holds no server thread: with a single request thread, the server still
 * answers other requests while the push waits, and the wait keeps its deadline (reply, or {@code success} and a
 * customer-service message).
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1" })
@ContextConfiguration(initializers = InMemoryMongo.class)
@Import(WeChatAsyncReplyTest.GatedCommand.class)
@DirtiesContext
@Timeout(60)
class WeChatAsyncReplyTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final FakeWeChatApi wechat = new FakeWeChatApi(WeChatChannelTest.APP_ID, WeChatChannelTest.SECRET);
	private static final AtomicLong msgIds = new AtomicLong(7_000_000_000L);
	/** Set by each test: the command says it started, then waits for the test to let it answer. */
	private static volatile CountDownLatch started;
	private static volatile CountDownLatch gate;

	@LocalServerPort
	int port;

	WeChatPushes pushes;

	@DynamicPropertySource
	static void wechat(DynamicPropertyRegistry registry) throws IOException {
		wechat.startFor(registry);
	}

	@AfterAll
	static void stop() {
		wechat.close();
	}

	@BeforeEach
	void client() {
		pushes = new WeChatPushes("http://127.0.0.1:" + port + "/wechat/mp", WeChatChannelTest.TOKEN,
				WeChatChannelTest.AES_KEY, WeChatChannelTest.APP_ID, WeChatChannelTest.ACCOUNT);
		started = new CountDownLatch(1);
		gate = new CountDownLatch(1);
	}

	@Test
	void answersOtherRequestsWhileAPushWaitsForItsReply() throws Exception {
		ExecutorService client = Executors.newSingleThreadExecutor();
		try {
			Future<Answer> waiting = client.submit(() -> pushes.push(pushes.text("o-async", msgIds.incrementAndGet(),
					"/gate")));
			assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the push reached its handler").isTrue();

			String signature = WeChatCrypto.signature(WeChatChannelTest.TOKEN, "1714036504", "1514711492");
			var check = pushes.verify(signature, "1714036504", "1514711492", "echo-while-waiting");
			assertThat(check.body()).isEqualTo("echo-while-waiting");
			assertThat(waiting.isDone()).as("the push was still waiting when the only server thread answered")
				.isFalse();

			gate.countDown();
			Answer answer = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(answer.text()).as("the answer came in time: the passive reply").isEqualTo("through the gate");
			assertThat(answer.took()).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			gate.countDown();
			client.shutdownNow();
		}
	}

	@Test
	void anAnswerLaterThanTheWaitIsAcknowledgedAndFollowsAsACustomerServiceMessage() throws Exception {
		String user = "o-async-late";
		CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(() -> {
			try {
				return pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/gate"));
			}
			catch (IOException | InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
		try {
			Answer answer = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(answer.success()).isTrue();
			assertThat(answer.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(4)).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			gate.countDown();
		}
		Sent late = wechat.await(user, s -> "text".equals(s.type()), WAIT);
		assertThat(late.content()).isEqualTo("through the gate");
	}

	/** A command that answers only when the test opens its gate. */
	@TestConfiguration
	static class GatedCommand {

		@Bean
		Command gated() {
			return new Command() {
				@Override
				public Set<String> names() {
					return Set.of("gate");
				}

				@Override
				public List<Reply> handle(Session session, List<String> args) {
					started.countDown();
					try {
						gate.await(WAIT.toSeconds(), TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return List.of(Reply.text("through the gate"));
				}
			};
		}
	}
}
