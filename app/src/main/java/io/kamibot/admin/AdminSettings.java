package io.kamibot.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiToken the bearer token of the admin API ({@code KAMIBOT_ADMIN_API_TOKEN}, else generated and kept in
 *     the data directory)
 * @param maxImportBytes the largest stock import accepted in one request
 */
@ConfigurationProperties("kamibot.admin")
record AdminSettings(String apiToken, Long maxImportBytes) {

	AdminSettings {
		if (apiToken == null || apiToken.length() < 16) {
			throw new IllegalArgumentException("The admin API token must have at least 16 characters");
		}
		maxImportBytes = maxImportBytes != null ? maxImportBytes : 256L * 1024 * 1024;
	}
}
