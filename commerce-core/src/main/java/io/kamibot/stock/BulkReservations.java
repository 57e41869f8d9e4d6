package io.kamibot.stock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;

import static io.kamibot.stock.StockItems.*;

/**
 * Reserves thousands of codes for one order in a few round trips (and sells codes to many fresh orders at once, see
 * {@link #sellEach}): reads the ids of the earliest-expiring sellable
 * codes, then moves each by an update conditional on it still being sellable, all in one unordered bulk write. Codes
 * a concurrent buyer took in between are made up for in the next round; the {@code (order, slot)} unique index keeps
 * two fillers of the same order from giving it more codes than it bought. All or none: short stock puts back what
 * this order took.
 */
final class BulkReservations {

	private static final int DUPLICATE_KEY = 11000;
	/** Rounds of bulk moves before falling back to one code at a time. */
	private static final int BULK_ROUNDS = 3;

	private final MongoCollection<Document> items;
	private final Shelf shelf;
	private final DomainEvents events;
	private final Clock clock;

	BulkReservations(MongoCollection<Document> items, Shelf shelf, DomainEvents events, Clock clock) {
		this.items = items;
		this.shelf = shelf;
		this.events = events;
		this.clock = clock;
	}

	/** See {@link Stock#reserveAll(Sku, String, int)}. */
	void reserveAll(Sku sku, String orderNo, int quantity) {
		int taken = 0;
		for (int round = 0; round < BULK_ROUNDS; round++) {
			List<Integer> free = freeSlots(orderNo, quantity);
			if (free.isEmpty()) {
				announce(sku, taken);
				return;
			}
			List<ObjectId> candidates = candidates(sku, free.size());
			if (candidates.size() < free.size()) {
				giveBack(sku, orderNo, quantity);
			}
			int moved = take(sku, orderNo, candidates, free);
			taken += moved;
			if (moved == free.size()) {
				// Every free slot got its code: no need to read the order's 10,000 slots back to know.
				announce(sku, taken);
				return;
			}
		}
		// Concurrent buyers keep taking the same first codes: one code at a time, each taken atomically, always wins.
		for (int slot : freeSlots(orderNo, quantity)) {
			if (!shelf.take(sku, orderNo, slot, StockStatus.RESERVED)) {
				giveBack(sku, orderNo, quantity);
			}
			taken++;
		}
		announce(sku, taken);
	}

	/**
	 * See {@link BulkSales#sellEach}: one read of the earliest-expiring sellable codes for all the orders' slots, one
	 * bulk move of them to SOLD, one {@link StockTaken}. Only when some move did not happen (stock short, or a
	 * concurrent buyer took a code in between) are the orders' codes counted back, to say which orders are whole.
	 */
	Map<String, Integer> sellEach(Sku sku, Map<String, Integer> quantities) {
		List<String> orders = new ArrayList<>();
		List<Integer> slots = new ArrayList<>();
		quantities.forEach((orderNo, quantity) -> {
			for (int slot = 0; slot < quantity; slot++) {
				orders.add(orderNo);
				slots.add(slot);
			}
		});
		int moved = move(candidates(sku, orders.size()), orders::get, slots::get, StockStatus.SOLD);
		announce(sku, moved);
		if (moved == orders.size()) {
			return quantities;
		}
		Map<String, Integer> owned = new HashMap<>();
		items.find(Filters.and(Filters.in(ORDER, quantities.keySet()), Filters.eq(STATUS, StockStatus.SOLD.name())))
			.projection(Projections.include(ORDER))
			.forEach(d -> owned.merge(d.getString(ORDER), 1, Integer::sum));
		return owned;
	}

	private List<ObjectId> candidates(Sku sku, int count) {
		List<ObjectId> candidates = new ArrayList<>(count);
		if (count > 0) {
			items.find(shelf.sellable(sku))
				.sort(Sorts.ascending(SELL_BY))
				.limit(count)
				.projection(Projections.include("_id"))
				.forEach(d -> candidates.add(d.getObjectId("_id")));
		}
		return candidates;
	}

	private void announce(Sku sku, int taken) {
		if (taken > 0) {
			events.publish(new StockTaken(sku, taken));
		}
	}

	private void giveBack(Sku sku, String orderNo, int quantity) {
		shelf.release(orderNo);
		throw new OutOfStock(sku, quantity, shelf.available(sku));
	}

	private List<Integer> freeSlots(String orderNo, int quantity) {
		Set<Integer> held = new HashSet<>();
		items.find(Filters.eq(ORDER, orderNo)).projection(Projections.include(SLOT))
			.forEach(d -> held.add(d.getInteger(SLOT)));
		List<Integer> free = new ArrayList<>();
		for (int slot = 0; slot < quantity; slot++) {
			if (!held.contains(slot)) {
				free.add(slot);
			}
		}
		return free;
	}

	private int take(Sku sku, String orderNo, List<ObjectId> candidates, List<Integer> slots) {
		return move(candidates, i -> orderNo, slots::get, StockStatus.RESERVED);
	}

	/**
	 * Moves each candidate, while still sellable, to the status for the i-th order and slot, in one unordered bulk
	 * write; a slot filled meanwhile by a concurrent filler of the same order keeps its code on the shelf. The
	 * statements are made as BSON directly, sharing their constant parts: the driver's filter and update builders
	 * make each one through its codec registry, which was a third of the shop's own CPU in a bulk order.
	 *
	 * @return how many codes moved
	 */
	private int move(List<ObjectId> candidates, IntFunction<String> orders, IntFunction<Integer> slots,
			StockStatus status) {
		BsonDateTime now = new BsonDateTime(clock.millis());
		BsonString sellable = new BsonString(StockStatus.AVAILABLE.name());
		BsonDocument unexpired = new BsonDocument("$gt", now);
		BsonString moved = new BsonString(status.name());
		int modified = 0;
		// Built a write at a time: a bulk order may move 100,000 codes, and the embedded default has a 192 MB heap.
		for (int from = 0; from < candidates.size(); from += Shelf.CODES_PER_WRITE) {
			int to = Math.min(from + Shelf.CODES_PER_WRITE, candidates.size());
			List<WriteModel<Document>> moves = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				BsonDocument filter = new BsonDocument("_id", new BsonObjectId(candidates.get(i)))
					.append(STATUS, sellable)
					.append(SELL_BY, unexpired);
				BsonDocument set = new BsonDocument(STATUS, moved).append(ORDER, new BsonString(orders.apply(i)))
					.append(SLOT, new BsonInt32(slots.apply(i)))
					.append(CHANGED_AT, now);
				moves.add(new UpdateOneModel<>(filter, new BsonDocument("$set", set)));
			}
			modified += write(moves);
		}
		return modified;
	}

	/** One unordered bulk write; a move that would give a slot a second code is refused and not counted. */
	private int write(List<WriteModel<Document>> moves) {
		try {
			return items.bulkWrite(moves, new BulkWriteOptions().ordered(false)).getModifiedCount();
		}
		catch (MongoBulkWriteException e) {
			for (BulkWriteError error : e.getWriteErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw e;
				}
			}
			return e.getWriteResult().getModifiedCount();
		}
	}
}
