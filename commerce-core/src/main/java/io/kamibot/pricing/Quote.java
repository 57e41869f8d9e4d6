package io.kamibot.pricing;

/**
 * What an order of {@code quantity} codes costs.
 *
 * @param unitFen the unit price before any quantity discount
 * @param percentOff the quantity tier's discount that applies, 0 when none
 * @param totalFen {@code unitFen × quantity × (100 − percentOff) / 100}, rounded half up to the fen
 */
public record Quote(String sku, int quantity, long unitFen, int percentOff, long totalFen) {

	static Quote of(String sku, int quantity, long unitFen, int percentOff) {
		long gross = Math.multiplyExact(unitFen, (long) quantity);
		long total = Math.floorDiv(Math.addExact(Math.multiplyExact(gross, 100L - percentOff), 50L), 100L);
		return new Quote(sku, quantity, unitFen, percentOff, total);
	}
}
