package io.kamibot.resellers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lowBalanceFen the default threshold below which a reseller is told their balance is low, for resellers
 *     without one of their own; unset means no alert
 * @param confirmAbove bulk orders by chat of more codes than this ask for a confirm button first (100 unless set)
 * @param publicUrl the shop's address as resellers' chats reach it, e.g. {@code https://shop.example.com}, put before
 *     download links; unset, links are paths on the shop (enough for the web chat)
 */
@ConfigurationProperties("kamibot.resellers")
public record ResellerSettings(Long lowBalanceFen, Integer confirmAbove, String publicUrl) {

	public ResellerSettings {
		publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
		confirmAbove = confirmAbove != null ? confirmAbove : 100;
		if (confirmAbove < 1 || lowBalanceFen != null && lowBalanceFen < 0) {
			throw new IllegalArgumentException("kamibot.resellers.confirm-above is at least 1; low-balance-fen not negative");
		}
	}
}
