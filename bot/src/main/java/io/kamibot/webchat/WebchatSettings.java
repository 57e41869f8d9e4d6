package io.kamibot.webchat;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param newChatsPerAddress chats one client address may start per {@code window}
 * @param window the period of {@code newChatsPerAddress}
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of the shop: only a request from
 *     one of them has its client read from {@code X-Forwarded-For}; from anywhere else the header is ignored
 */
@ConfigurationProperties("kamibot.webchat")
record WebchatSettings(Integer newChatsPerAddress, Duration window, List<String> trustedProxies) {

	WebchatSettings {
		newChatsPerAddress = newChatsPerAddress != null ? newChatsPerAddress : 10;
		window = window != null ? window : Duration.ofMinutes(10);
		trustedProxies = trustedProxies == null ? List.of()
				: trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
		if (newChatsPerAddress < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("kamibot.webchat.new-chats-per-address and window must be positive");
		}
	}
}
