package io.kamibot.wechat;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param appId the Official Account's AppId
 * @param secret its AppSecret, for access tokens
 * @param token the token configured for the push URL, for signatures
 * @param aesKey the 43-character EncodingAESKey; when set, pushes must come encrypted (safe mode) and replies go
 *     encrypted
 * @param apiUrl the API server: WeChat's, or a local fake in tests
 * @param replyWithin how long a push may wait for its answer before it is answered {@code success} and the answer
 *     follows as customer-service messages; WeChat gives up after 5 s
 * @param workers how many chats are served at the same time
 * @param choicesKept how long a menu's numbers stay valid for the buyer
 */
@ConfigurationProperties("kamibot.wechat")
record WeChatSettings(String appId, String secret, String token, String aesKey, URI apiUrl, Duration replyWithin,
		Integer workers, Duration choicesKept) {

	static final String CHANNEL = "wechat";

	WeChatSettings {
		apiUrl = apiUrl != null ? apiUrl : URI.create("https://api.weixin.qq.com");
		replyWithin = replyWithin != null ? replyWithin : Duration.ofSeconds(4);
		workers = workers != null ? workers : 4;
		choicesKept = choicesKept != null ? choicesKept : Duration.ofHours(1);
		aesKey = aesKey == null || aesKey.isBlank() ? null : aesKey.strip();
		if (aesKey != null && !aesKey.matches("[A-Za-z0-9]{43}")) {
			throw new IllegalArgumentException("KAMIBOT_WECHAT_AES_KEY must be the 43-character EncodingAESKey");
		}
		if (replyWithin.isNegative() || replyWithin.compareTo(Duration.ofMillis(4500)) > 0) {
			throw new IllegalArgumentException("kamibot.wechat.reply-within must stay under WeChat's 5 seconds");
		}
		if (workers < 1) {
			throw new IllegalArgumentException("kamibot.wechat.workers must be at least 1");
		}
	}

	boolean safeMode() {
		return aesKey != null;
	}

	@Override
	public String toString() {
		// The secret, token and key are credentials.
		return "WeChatSettings[appId=" + appId + ", apiUrl=" + apiUrl + ", safeMode=" + safeMode() + "]";
	}
}
