package io.kamibot.resellers;

import java.time.Instant;
import java.util.regex.Pattern;

import io.kamibot.vault.Sealed;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reseller.
 *
 * @param level the price level (1, 2, 3 …), see {@code pricing}
 * @param creditLimitFen how far the wallet may go below zero
 * @param parentId the reseller this one is a sub-reseller of, or {@code null}
 * @param keyId the Open API key id, or {@code null} before a key was issued
 * @param secret the Open API secret, sealed (it is needed in clear to check signatures)
 * @param lowBalanceFen below this the reseller is told in their chats; {@code null} for the shop's default
 */
@Document("resellers")
public record Reseller(@Id String id, String name, int level, ResellerStatus status, long creditLimitFen,
		String parentId, String keyId, Sealed secret, Long lowBalanceFen, Instant createdAt, Instant updatedAt) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	public Reseller {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A reseller id is 1-32 characters of A-Za-z0-9_-");
		}
		if (name == null || name.isBlank() || name.length() > 64) {
			throw new IllegalArgumentException("A reseller name has 1-64 characters");
		}
		if (level < 1 || level > 99) {
			throw new IllegalArgumentException("A reseller level is from 1 to 99");
		}
		if (creditLimitFen < 0 || lowBalanceFen != null && lowBalanceFen < 0) {
			throw new IllegalArgumentException("Credit limit and low-balance threshold cannot be negative");
		}
		if (id.equals(parentId)) {
			throw new IllegalArgumentException("A reseller cannot be its own parent");
		}
	}

	/** The wallet that pays this reseller's orders. */
	public String walletId() {
		return "reseller:" + id;
	}

	/** The customer id its bulk orders are placed for: no chat, so no buyer notice goes to anyone. */
	public String customerId() {
		return "reseller:" + id;
	}

	public boolean active() {
		return status == ResellerStatus.ACTIVE;
	}

	@Override
	public String toString() {
		return "Reseller[" + id + ", level " + level + ", " + status + "]";
	}
}
