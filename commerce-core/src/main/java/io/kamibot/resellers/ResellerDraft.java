package io.kamibot.resellers;

/**
 * What an admin sets on a reseller; absent fields keep their value (a new reseller needs a name and a level).
 *
 * @param parentId the parent reseller; an empty string removes it
 */
public record ResellerDraft(String name, Integer level, Long creditLimitFen, String parentId, ResellerStatus status,
		Long lowBalanceFen) {
}
