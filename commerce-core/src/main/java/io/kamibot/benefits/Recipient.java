package io.kamibot.benefits;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone a plan issues to: a chat identity, or a claim code that the first identity to send it becomes.
 *
 * @param id short and random, so that an issue's key stays short
 * @param key unique within the plan: {@code telegram:USERID} and the like, or {@code claim:LABEL}
 * @param customerId the customer the issues go to; {@code null} while a claim code is unclaimed
 * @param claimHash the keyed hash of the claim code, for claim recipients; the code itself is not kept
 * @param claimedBy the identity that claimed it, e.g. {@code wechat:OPENID}
 */
@Document("benefit_recipients")
public record Recipient(@Id String id, String planId, String key, String customerId, String claimHash,
		String claimedBy, Instant claimedAt, RecipientStatus status, Instant addedAt) {

	/** The label of a claim recipient, or {@code null} for an identity. */
	public String claimLabel() {
		return key.startsWith(CLAIM) ? key.substring(CLAIM.length()) : null;
	}

	static final String CLAIM = "claim:";

	public boolean claimed() {
		return customerId != null;
	}

	public boolean active() {
		return status == RecipientStatus.ACTIVE;
	}
}
