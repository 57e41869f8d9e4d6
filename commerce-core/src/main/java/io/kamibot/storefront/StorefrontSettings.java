package io.kamibot.storefront;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the shop's address as buyers reach it, e.g. {@code https://shop.example.com}
 *     ({@code KAMIBOT_PUBLIC_URL}): put before the links to delivered codes, so Telegram and WeChat buyers
 *     get them too; unset, only the web chat (which is on the shop's own address) shows them
 */
@ConfigurationProperties("kamibot.storefront")
record StorefrontSettings(String publicUrl) {

	StorefrontSettings {
		publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
	}
}
