package io.kamibot.ordering;

import java.util.Optional;

import io.kamibot.catalog.Product;

/**
 * Rules other modules lay on orders (risk limits, bans) without ordering knowing them. Implementations are Spring
 * beans; {@link Orders} asks every one of them.
 */
public interface OrderRules {

	/**
	 * Called before an order is written; throws a named failure to refuse it, which reaches the caller unchanged.
	 *
	 * @param origin the network address the order came from, or {@code null} when the channel does not know it
	 */
	default void checkPlacing(String customerId, String origin, Product product, int quantity) {
	}

	/**
	 * Called when a matching payment arrives, before the order counts as paid.
	 *
	 * @return why an admin must look at the order first, or empty to fulfil it at once
	 */
	default Optional<String> reviewReason(Order order) {
		return Optional.empty();
	}
}
