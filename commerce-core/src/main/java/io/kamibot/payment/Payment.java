package io.kamibot.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import io.kamibot.money.Currency;
import io.kamibot.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one payment. The id is {@code provider:transactionId}, so the same transaction is recorded once.
 *
 * @param ref a short name of the payment for admins to type and for buttons ({@code P} + 10 characters), derived
 *     from the id; transaction ids are too long for Telegram's 64-byte button data
 * @param reason why it could not pay its order, when its outcome is MISMATCH or UNMATCHED
 */
@Document("payments")
record Payment(@Id String id, String provider, String transactionId, String orderNo, long amount,
		Currency currency, PaymentOutcome outcome, Instant receivedAt, String ref, UnmatchedReason reason) {

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	static Payment of(PaymentConfirmation confirmation, PaymentOutcome outcome, UnmatchedReason reason,
			Instant receivedAt) {
		String id = confirmation.provider() + ":" + confirmation.transactionId();
		return new Payment(id, confirmation.provider(), confirmation.transactionId(), confirmation.orderNo(),
				confirmation.amount().minor(), confirmation.amount().currency(), outcome, receivedAt, refOf(id),
				reason);
	}

	/** Payments recorded before refs existed get theirs from the id, as a new one would. */
	@Override
	public String ref() {
		return ref != null ? ref : refOf(id);
	}

	Money money() {
		return new Money(amount, currency);
	}

	Payment unmatched(UnmatchedReason why) {
		return new Payment(id, provider, transactionId, orderNo, amount, currency, PaymentOutcome.UNMATCHED,
				receivedAt, ref, why);
	}

	static boolean looksLikeRef(String text) {
		return text != null && text.matches("P[A-Z2-7]{10}");
	}

	private static String refOf(String id) {
		byte[] hash;
		try {
			hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JVM has SHA-256", e);
		}
		StringBuilder ref = new StringBuilder("P");
		for (int i = 0; i < 10; i++) {
			ref.append(BASE32[(hash[i] & 0xff) % 32]);
		}
		return ref.toString();
	}
}
