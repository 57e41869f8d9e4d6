package io.kamibot.telegram;

import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.store.StoreBackend;
import testing.kamibot.CoreTestApplication;
import io.kamibot.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An update that was stored and confirmed to Telegram, but not processed before the application stopped, is
 * processed exactly once by the next start.
 */
@Timeout(120)
class TelegramRestartTest {

	private static final String TOKEN = "999:RESTART";
	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void processesAnUpdateLeftOverFromTheLastRunExactlyOnce() throws Exception {
		MongoServer mongo = new MongoServer(StoreBackend.inMemory());
		mongo.bind("127.0.0.1", 0);
		String key = Vault.newKey();
		try (FakeBotApi telegram = new FakeBotApi(TOKEN)) {
			telegram.start();
			long chat = 7500;
			try (ConfigurableApplicationContext receiving = start(mongo, telegram, key, 0)) {
				telegram.push(telegram.message(1, chat, chat, "/paysupport"));
				await("stored and confirmed to Telegram").atMost(WAIT).until(() -> telegram.confirmedOffset() > 1);
			}
			assertThat(telegram.calls("sendMessage")).as("nothing processed before the stop").isEmpty();

			try (ConfigurableApplicationContext restarted = start(mongo, telegram, key, 2)) {
				FakeBotApi.Call answer = telegram.awaitCall("sendMessage",
						c -> String.valueOf(chat).equals(c.param("chat_id")), WAIT);
				// A later update of the chat is processed after the left-over one: its answer is the marker.
				telegram.push(telegram.message(2, chat, chat, "/help"));
				FakeBotApi.Call marker = telegram.awaitCall("sendMessage", c -> c.atNanos() > answer.atNanos(), WAIT);
				assertThat(marker.param("text")).contains("/catalog");
				assertThat(telegram.calls("sendMessage")).containsExactly(answer, marker);
			}
		}
		finally {
			mongo.shutdownNow();
		}
	}

	private static ConfigurableApplicationContext start(MongoServer mongo, FakeBotApi telegram, String key,
			int workers) {
		return new SpringApplicationBuilder(CoreTestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/kamibot",
					"--kamibot.secrets.key=" + key, "--kamibot.telegram.token=" + TOKEN,
					"--kamibot.telegram.api-url=" + telegram.url(), "--kamibot.telegram.poll-timeout=1s",
					"--kamibot.telegram.workers=" + workers);
	}
}
