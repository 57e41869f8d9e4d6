package io.kamibot.admins;

import java.time.Instant;

/**
 * One admin as the admin list shows it.
 *
 * @param configured whether the admin comes from the configuration ({@code KAMIBOT_ADMIN_TELEGRAM_IDS}): such an
 *     admin cannot be removed through the API
 * @param addedBy who added a stored admin, {@code null} for a configured one
 * @param addedAt when a stored admin was added, {@code null} for a configured one
 */
public record Admin(String channel, String userId, boolean configured, String addedBy, Instant addedAt) {
}
