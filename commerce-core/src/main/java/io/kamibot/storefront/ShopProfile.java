package io.kamibot.storefront;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What buyers see of the shop itself, one document.
 *
 * @param name the shop's name, in the welcome and the page titles
 * @param notice a line shown under the welcome ({@code /start}), or {@code null} for none
 * @param support how buyers reach a person (a Telegram handle, an e-mail address, a phone number), or {@code null}
 */
@Document("shop_profile")
public record ShopProfile(@Id String id, String name, String notice, String support, Instant updatedAt) {

	static final String ID = "shop";
	public static final String DEFAULT_NAME = "Kamibot 卡密商店";
	static final int MAX_NAME = 40;
	static final int MAX_NOTICE = 500;
	static final int MAX_SUPPORT = 100;

	public ShopProfile {
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			throw new IllegalArgumentException("The shop's name has 1-" + MAX_NAME + " characters");
		}
		if (notice != null && notice.length() > MAX_NOTICE) {
			throw new IllegalArgumentException("The notice has at most " + MAX_NOTICE + " characters");
		}
		if (support != null && support.length() > MAX_SUPPORT) {
			throw new IllegalArgumentException("The support contact has at most " + MAX_SUPPORT + " characters");
		}
	}

	static ShopProfile initial() {
		return new ShopProfile(ID, DEFAULT_NAME, null, null, null);
	}
}
