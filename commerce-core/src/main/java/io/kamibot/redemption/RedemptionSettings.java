package io.kamibot.redemption;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param missesPerMinute unknown or mistyped codes one redeemer may present a minute before it is refused for a
 *     while and the admins are alerted (20 unless set)
 */
@ConfigurationProperties("kamibot.redemption")
public record RedemptionSettings(Integer missesPerMinute) {

	public RedemptionSettings {
		missesPerMinute = missesPerMinute != null ? missesPerMinute : 20;
		if (missesPerMinute < 1) {
			throw new IllegalArgumentException("kamibot.redemption.misses-per-minute is at least 1");
		}
	}
}
