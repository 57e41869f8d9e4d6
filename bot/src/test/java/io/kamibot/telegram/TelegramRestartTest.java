package io.kamibot.telegram;

import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.store.StoreBackend;
import testing.kamibot.CoreTestApplication;
import io.kamibot.vault.Vault;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update that was stored and confirmed to Telegram, but not processed before the application stopped, is
 * processed exactly once by the next start.
 */
class TelegramRestartTest {

	private static final String TOKEN = "999:RESTART";

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
				for (int i = 0; i < 100 && telegram.confirmedOffset() <= 1; i++) {
					Thread.sleep(100);
				}
				assertThat(telegram.confirmedOffset()).as("stored and confirmed to Telegram").isGreaterThan(1);
			}
			assertThat(telegram.calls("sendMessage")).as("nothing processed before the stop").isEmpty();

			try (ConfigurableApplicationContext restarted = start(mongo, telegram, key, 2)) {
				telegram.awaitCall("sendMessage", c -> String.valueOf(chat).equals(c.param("chat_id")),
						Duration.ofSeconds(10));
				Thread.sleep(1500);
				assertThat(telegram.calls("sendMessage")).hasSize(1);
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
