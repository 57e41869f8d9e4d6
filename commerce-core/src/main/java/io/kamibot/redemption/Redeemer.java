package io.kamibot.redemption;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.kamibot.vault.Sealed;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner or a counter that may redeem the shop's own vouchers of some products.
 *
 * @param skus the products whose codes it may redeem
 * @param keyId its signing key's id, or {@code null} before a key was issued
 * @param secret the signing secret, sealed (it is needed in clear to check signatures)
 * @param staffChats the chats ({@code channel:chatId}) whose members redeem at its counter with {@code /redeem}
 */
@Document("redeemers")
public record Redeemer(@Id String id, String name, List<String> skus, String keyId, Sealed secret,
		List<String> staffChats, Instant createdAt, Instant updatedAt) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	public Redeemer {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A redeemer id is 1-32 characters of A-Za-z0-9_-");
		}
		if (name == null || name.isBlank() || name.length() > 64) {
			throw new IllegalArgumentException("A redeemer name has 1-64 characters");
		}
		skus = skus == null ? List.of() : List.copyOf(skus);
		staffChats = staffChats == null ? List.of() : List.copyOf(staffChats);
	}

	@Override
	public String toString() {
		return "Redeemer[" + id + "]";
	}
}
