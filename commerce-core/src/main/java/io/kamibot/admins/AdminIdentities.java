package io.kamibot.admins;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param telegramIds Telegram user ids of the admins ({@code KAMIBOT_ADMIN_TELEGRAM_IDS}, comma separated)
 */
@ConfigurationProperties("kamibot.admin")
record AdminIdentities(List<Long> telegramIds) {

	AdminIdentities {
		telegramIds = telegramIds == null ? List.of() : List.copyOf(telegramIds);
	}
}
