package io.kamibot.ordering;

import java.util.List;

/**
 * One page of a search.
 *
 * @param more whether another page follows
 */
public record OrderPage(List<Order> orders, boolean more) {

	public OrderPage {
		orders = List.copyOf(orders);
	}
}
