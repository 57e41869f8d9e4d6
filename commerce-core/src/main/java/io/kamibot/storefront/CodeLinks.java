package io.kamibot.storefront;

import java.util.Optional;

import io.kamibot.vault.Vault;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Each delivery's personal link to its codes: {@code /codes/<ORDER>?c=<customer>&s=<signature>}, signed with the
 * vault's keyed hash over the order and its buyer. It needs no login and does not expire, so a buyer who lost the
 * chat (another device, a new chat) still has the codes; the page behind it records every view.
 */
@Service
@EnableConfigurationProperties(StorefrontSettings.class)
public class CodeLinks {

	public static final String PATH = "/codes/";

	private final Vault vault;
	private final String publicUrl;

	CodeLinks(Vault vault, StorefrontSettings settings) {
		this.vault = vault;
		this.publicUrl = settings.publicUrl();
	}

	/**
	 * The link for the buyer's chat: absolute when the shop's public address is set; a path, which only the web
	 * chat on the shop's own address can open, otherwise.
	 */
	public Optional<String> forChat(String orderNo, String customerId, String channel) {
		if (publicUrl.isEmpty() && !"webchat".equals(channel)) {
			return Optional.empty();
		}
		return Optional.of(publicUrl + PATH + orderNo + "?c=" + customerId + "&s=" + sign(orderNo, customerId));
	}

	/** Whether the signature is the one this shop made for the order and buyer. */
	public boolean valid(String orderNo, String customerId, String signature) {
		return signature != null && Vault.constantTimeEquals(sign(orderNo, customerId), signature);
	}

	private String sign(String orderNo, String customerId) {
		return vault.fingerprint("codes-link\n" + orderNo + "\n" + customerId);
	}
}
