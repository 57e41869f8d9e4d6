package io.kamibot.redemption;

import java.util.List;

/** What an admin sends to create or change a redeemer; {@code null} fields keep their current value. */
public record RedeemerDraft(String name, List<String> skus) {
}
