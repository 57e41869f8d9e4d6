package io.kamibot.stock;

import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;

/**
 * Reserves an order's codes all or none, and keeps unpaid orders within the reservation cap, so hoarders who never
 * pay cannot hold the whole shelf.
 */
final class Reservations {

	private final Shelf shelf;
	private final DomainEvents events;

	Reservations(Shelf shelf, DomainEvents events) {
		this.shelf = shelf;
		this.events = events;
	}

	/** See {@link Stock#reserve(Sku, String, int)}. */
	void reserve(Sku sku, String orderNo, int quantity) {
		takeAll(sku, orderNo, quantity);
		events.publish(new StockTaken(sku, quantity));
	}

	/** See {@link Stock#reserveWithinCap(Sku, String, int, ReservationCap)}. */
	boolean reserveWithinCap(Sku sku, String orderNo, int quantity, ReservationCap cap) {
		if (cap.isOff()) {
			reserve(sku, orderNo, quantity);
			return true;
		}
		long before = shelf.reservedUpTo(sku);
		if (!withinCap(sku, cap, before, before + quantity)) {
			requireAvailable(sku, quantity);
			return false;
		}
		takeAll(sku, orderNo, quantity);
		long after = shelf.reservedUpTo(sku);
		// Checked again only when others reserved meanwhile: together they may have gone past the cap.
		if (after - quantity != before && !withinCap(sku, cap, after, after)) {
			shelf.release(orderNo);
			requireAvailable(sku, quantity);
			return false;
		}
		events.publish(new StockTaken(sku, quantity));
		return true;
	}

	private void takeAll(Sku sku, String orderNo, int quantity) {
		for (int slot = 0; slot < quantity; slot++) {
			if (!shelf.take(sku, orderNo, slot, StockStatus.RESERVED)) {
				shelf.release(orderNo);
				throw new OutOfStock(sku, quantity, shelf.available(sku));
			}
		}
	}

	private boolean withinCap(Sku sku, ReservationCap cap, long reservedNow, long held) {
		long needed = cap.availableNeeded(reservedNow, held);
		return needed == 0 || needed != ReservationCap.NEVER && shelf.availableUpTo(sku, (int) needed) >= needed;
	}

	private void requireAvailable(Sku sku, int quantity) {
		long available = shelf.availableUpTo(sku, quantity);
		if (available < quantity) {
			throw new OutOfStock(sku, quantity, available);
		}
	}
}
