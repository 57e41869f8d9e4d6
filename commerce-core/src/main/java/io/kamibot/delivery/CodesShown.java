package io.kamibot.delivery;

/**
 * Event: the codes of an order were shown to someone (never the codes themselves).
 *
 * @param viewer who saw them, e.g. {@code customer:<id>}
 * @param channel where
 * @param count how many codes
 */
public record CodesShown(String orderNo, String viewer, String channel, int count) {
}
