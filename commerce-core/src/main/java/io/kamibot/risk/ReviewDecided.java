package io.kamibot.risk;

/**
 * Event: an admin decided about a held order; the buyer should be told.
 *
 * @param outcome what became of the order
 */
public record ReviewDecided(String orderNo, String customerId, Reviews.Outcome outcome) {
}
