package io.kamibot.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * @param token the bot's token from BotFather
 * @param apiUrl the Bot API server: Telegram's, a self-hosted one, or a local fake in tests
 * @param pollTimeout how long one {@code getUpdates} may wait for updates
 * @param webhookUrl the public URL of {@code POST /telegram/webhook}; with a secret it replaces long polling
 * @param webhookSecret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}: 1-256 of
 *     {@code A-Za-z0-9_-}
 * @param workers how many chats are served at the same time (8 unless set; 0 stores updates without processing
 *     them, for an instance that only receives)
 * @param privateChatPace how many messages one private chat may get: {@code 3/3s} unless set (Telegram's about one
 *     a second, with short bursts)
 * @param groupPace how many messages one group may get: {@code 20/1m} unless set
 * @param overallPace how many messages the bot may send in all: {@code 30/1s} unless set (raise it only with
 *     Telegram's paid broadcasts)
 */
@ConfigurationProperties("kamibot.telegram")
record TelegramSettings(String token, URI apiUrl, Duration pollTimeout, URI webhookUrl, String webhookSecret,
		Integer workers, String privateChatPace, String groupPace, String overallPace) {

	static final String CHANNEL = "telegram";

	TelegramSettings {
		apiUrl = apiUrl != null ? apiUrl : URI.create("https://api.telegram.org");
		pollTimeout = pollTimeout != null ? pollTimeout : Duration.ofSeconds(50);
		workers = workers != null ? workers : 8;
		privateChatPace = privateChatPace != null ? privateChatPace : "3/3s";
		groupPace = groupPace != null ? groupPace : "20/1m";
		overallPace = overallPace != null ? overallPace : "30/1s";
		Pace.parse(privateChatPace);
		Pace.parse(groupPace);
		Pace.parse(overallPace);
		if (workers < 0) {
			throw new IllegalArgumentException("kamibot.telegram.workers cannot be negative");
		}
		if (webhookUrl != null && (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{1,256}"))) {
			throw new IllegalArgumentException("A Telegram webhook needs KAMIBOT_TELEGRAM_WEBHOOK_SECRET: "
					+ "1-256 characters of A-Za-z0-9_-");
		}
	}

	boolean webhook() {
		return webhookUrl != null;
	}

	TelegramUrl telegramUrl() {
		int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equals(apiUrl.getScheme()) ? 443 : 80;
		return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
	}

	@Override
	public String toString() {
		// The token is a credential.
		return "TelegramSettings[apiUrl=" + apiUrl + ", webhookUrl=" + webhookUrl + "]";
	}
}
