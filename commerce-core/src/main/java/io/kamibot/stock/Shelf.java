package io.kamibot.stock;

import java.time.Clock;
import java.util.Date;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.kamibot.catalog.Sku;
import org.bson.Document;
import org.bson.conversions.Bson;

import static io.kamibot.stock.StockItems.*;

/**
 * The codes of the {@code stock} collection as a shelf: taking one for an order's slot, putting an order's reserved
 * codes back, and the counts that read no more index keys than they must. Each move is one conditional update that
 * names the status it expects.
 */
final class Shelf {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoCollection<Document> items;
	private final Clock clock;

	Shelf(MongoCollection<Document> items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	/**
	 * Moves one sellable code of the SKU to the given status for the order's slot: codes with the earliest expiry
	 * first, codes that never expire last. One atomic findAndModify per code.
	 */
	boolean take(Sku sku, String orderNo, int slot, StockStatus status) {
		Date now = Date.from(clock.instant());
		Bson update = Updates.combine(Updates.set(STATUS, status.name()), Updates.set(ORDER, orderNo),
				Updates.set(SLOT, slot), Updates.set(CHANGED_AT, now));
		try {
			return items.findOneAndUpdate(sellable(sku), update,
					new FindOneAndUpdateOptions().sort(Sorts.ascending(SELL_BY))) != null;
		}
		catch (MongoException e) {
			if (e.getCode() == DUPLICATE_KEY) {
				// Someone else filled this slot of the order at the same moment: it is taken, which is what we want.
				return true;
			}
			throw e;
		}
	}

	/** Puts an unpaid order's reserved codes back on the shelf; returns how many. */
	long release(String orderNo) {
		return items
			.updateMany(Filters.and(Filters.eq(ORDER, orderNo), Filters.eq(STATUS, StockStatus.RESERVED.name())),
					Updates.combine(Updates.set(STATUS, StockStatus.AVAILABLE.name()), Updates.unset(ORDER),
							Updates.unset(SLOT), Updates.set(CHANGED_AT, Date.from(clock.instant()))))
			.getModifiedCount();
	}

	long available(Sku sku) {
		return items.countDocuments(sellable(sku));
	}

	/** Counts sellable codes no further than {@code cap}: exact when fewer, {@code cap} otherwise. */
	long availableUpTo(Sku sku, int cap) {
		return items.countDocuments(sellable(sku), new CountOptions().limit(cap));
	}

	/** Reserved codes of the product, counted no further than the reservation cap needs. */
	long reservedUpTo(Sku sku) {
		return items.countDocuments(inStatus(sku, StockStatus.RESERVED),
				new CountOptions().limit(ReservationCap.MAX_RESERVED));
	}

	long count(Sku sku, StockStatus status) {
		return items.countDocuments(inStatus(sku, status));
	}

	/** The order's codes in a status. */
	static Bson ofOrder(String orderNo, StockStatus status) {
		return Filters.and(Filters.eq(ORDER, orderNo), Filters.eq(STATUS, status.name()));
	}

	/** How many codes the order holds in a status. */
	long countOf(String orderNo, StockStatus status) {
		return items.countDocuments(ofOrder(orderNo, status));
	}

	/** The product's codes that may be sold now: on the shelf, and before their last day. */
	Bson sellable(Sku sku) {
		return Filters.and(Filters.eq(SKU, sku.value()), Filters.eq(STATUS, StockStatus.AVAILABLE.name()),
				Filters.gt(SELL_BY, Date.from(clock.instant())));
	}

	private static Bson inStatus(Sku sku, StockStatus status) {
		return Filters.and(Filters.eq(SKU, sku.value()), Filters.eq(STATUS, status.name()));
	}
}
