package io.kamibot.stock;

import java.time.Clock;
import java.util.Date;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
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
	/**
	 * Codes moved, sold or read by one command of many. A database holds a whole command in memory while it runs it:
	 * at the embedded default's 192 MB heap, one command moving 40,000 codes ran it out of memory, and one of 10,000
	 * (about 35 MB of decoded statements) made a reseller's 10,000-code order spend half its time collecting garbage
	 * (1.3 s, against 1.0 s in commands of 2,500). With a larger heap, fewer round trips win (0.56 s against 0.82 s).
	 */
	static final int CODES_PER_WRITE = Runtime.getRuntime().maxMemory() < 512L << 20 ? 2_500 : 10_000;
	private static final int MAX_RELEASE_ROUNDS = 100;

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

	/**
	 * Puts an unpaid order's reserved codes back on the shelf; returns how many. A bulk order's codes go back
	 * {@link #CODES_PER_WRITE} slots at a time, each its own command.
	 */
	long release(String orderNo) {
		Bson update = Updates.combine(Updates.set(STATUS, StockStatus.AVAILABLE.name()), Updates.unset(ORDER),
				Updates.unset(SLOT), Updates.set(CHANGED_AT, Date.from(clock.instant())));
		long released = 0;
		Document next = firstReserved(orderNo);
		// Each round empties the chunk of slots of a code still reserved; a bound in case buyers keep filling slots.
		for (int round = 0; next != null && round < MAX_RELEASE_ROUNDS; round++, next = firstReserved(orderNo)) {
			Object slot = next.get(SLOT);
			int from = slot instanceof Integer at ? at - at % CODES_PER_WRITE : -1;
			Bson chunk = from < 0 ? ofOrder(orderNo, StockStatus.RESERVED)
					: Filters.and(ofOrder(orderNo, StockStatus.RESERVED), Filters.gte(SLOT, from),
							Filters.lt(SLOT, from + CODES_PER_WRITE));
			released += items.updateMany(chunk, update).getModifiedCount();
		}
		return released;
	}

	/** Sells the codes reserved for the order's slots, {@link #CODES_PER_WRITE} slots a command; returns how many. */
	long sellReserved(String orderNo, int quantity) {
		Bson update = Updates.combine(Updates.set(STATUS, StockStatus.SOLD.name()),
				Updates.set(CHANGED_AT, Date.from(clock.instant())));
		long sold = 0;
		for (int from = 0; from < quantity; from += CODES_PER_WRITE) {
			sold += items.updateMany(Filters.and(ofOrder(orderNo, StockStatus.RESERVED), Filters.gte(SLOT, from),
					Filters.lt(SLOT, from + CODES_PER_WRITE)), update).getModifiedCount();
		}
		return sold;
	}

	/**
	 * Any one of the order's reserved codes. Not sorted: a sort would have the database hold all of a bulk order's
	 * reserved codes to answer with one.
	 */
	private Document firstReserved(String orderNo) {
		return items.find(ofOrder(orderNo, StockStatus.RESERVED)).projection(Projections.include(SLOT)).first();
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
