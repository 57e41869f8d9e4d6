package io.kamibot.stock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Sku;
import io.kamibot.catalog.UnknownProduct;
import io.kamibot.events.DomainEvents;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import static io.kamibot.stock.StockItems.*;

/**
 * The shop's codes. Every change of a code's status is one conditional update that names the status it expects,
 * so two buyers can never get the same code, whatever runs concurrently.
 */
@Service
public class Stock {

	private static final Logger log = LoggerFactory.getLogger(Stock.class);

	private final MongoTemplate mongo;
	private final MongoCollection<Document> items;
	private final Catalog catalog;
	private final Vault vault;
	private final DomainEvents events;
	private final Clock clock;
	private final ShopSettings shop;
	private final Shelf shelf;
	private final Reservations reservations;
	private final StockExpiry expiry;
	private final BulkReservations bulk;

	Stock(MongoTemplate mongo, Catalog catalog, Vault vault, DomainEvents events, Clock clock,
			ShopSettings shop) {
		this.mongo = mongo;
		this.events = events;
		this.items = mongo.getCollection(COLLECTION);
		this.catalog = catalog;
		this.vault = vault;
		this.clock = clock;
		this.shop = shop;
		this.shelf = new Shelf(items, clock);
		this.reservations = new Reservations(shelf, events);
		this.expiry = new StockExpiry(items, catalog, clock);
		this.bulk = new BulkReservations(items, shelf, events, clock);
	}

	/** Imports codes as {@link #importCodes(Sku, InputStream, String, long)} does, with no limit on the size. */
	public ImportReport importCodes(Sku sku, InputStream input, String source) {
		return importCodes(sku, input, source, Long.MAX_VALUE);
	}

	/**
	 * Imports codes from UTF-8 text, one per line, optionally {@code code,YYYY-MM-DD} with the last day they may be
	 * sold. The input is streamed and closed. Lines that cannot be codes are reported with their number and reason;
	 * the codes go on sale together once the whole input has been read, so a refused input puts none on sale.
	 *
	 * @param maxBytes the most bytes the input may have, counted as they arrive
	 * @throws NotText when the input is binary rather than text; nothing is imported
	 * @throws ImportTooLarge when the input has more than {@code maxBytes}; nothing is imported
	 */
	public ImportReport importCodes(Sku sku, InputStream input, String source, long maxBytes) {
		if (!catalog.exists(sku)) {
			throw new UnknownProduct(sku);
		}
		String batchId = new ObjectId().toHexString();
		Instant started = clock.instant();
		ImportReport report;
		try (InputStream bounded = new BoundedInput(input, maxBytes)) {
			report = new CodeImporter(items, vault, clock, shop.zone(), sku, batchId).run(bounded);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Reading the import failed", e);
		}
		catch (NotText | ImportTooLarge e) {
			log.warn("Refused an import for {} from {}: {}", sku, source, e.getMessage());
			throw e;
		}
		mongo.insert(new ImportBatch(batchId, sku.value(), source, started, clock.instant(), report.imported(),
				report.duplicates(), report.rejectedCount()));
		log.info("Imported {} codes for {} from {} ({} duplicates, {} rejected)", report.imported(), sku, source,
				report.duplicates(), report.rejectedCount());
		if (report.imported() > 0) {
			events.publish(new StockReplenished(sku, report.imported()));
		}
		return report;
	}

	/**
	 * Reserves {@code quantity} codes for an order, earliest expiry first, or none at all.
	 *
	 * @throws OutOfStock when fewer are available; codes taken on the way are put back
	 */
	public void reserve(Sku sku, String orderNo, int quantity) {
		reservations.reserve(sku, orderNo, quantity);
	}

	/**
	 * Reserves {@code quantity} codes for an order, earliest expiry first, all or none, in a few round trips however
	 * many: for bulk orders, which pay at once and so are held to no reservation cap. Safe to call again for the same
	 * order: it fills only the slots still empty.
	 *
	 * @throws OutOfStock when fewer are available; the order's reserved codes are put back
	 */
	public void reserveAll(Sku sku, String orderNo, int quantity) {
		bulk.reserveAll(sku, orderNo, quantity);
	}

	/**
	 * Reserves {@code quantity} codes for an order unless unpaid orders would then hold more of the product than
	 * the cap allows; then it reserves none, and the order takes its codes when it is paid, if any are left. So
	 * hoarders who never pay cannot hold the whole shelf.
	 *
	 * @return whether the codes are reserved
	 * @throws OutOfStock when fewer codes are available than asked for; none are reserved
	 */
	public boolean reserveWithinCap(Sku sku, String orderNo, int quantity, ReservationCap cap) {
		return reservations.reserveWithinCap(sku, orderNo, quantity, cap);
	}

	/** Puts an unpaid order's reserved codes back on the shelf; returns how many. */
	public long release(String orderNo) {
		return shelf.release(orderNo);
	}

	/**
	 * Sells the order's codes: its reserved codes become SOLD, and if its reservation was released (a payment that
	 * arrived after expiry) it takes fresh codes for the missing slots. Safe to call again and concurrently: each
	 * slot of an order holds at most one code.
	 *
	 * @return how many codes the order now owns; less than {@code quantity} when stock ran out
	 */
	public int sell(Sku sku, String orderNo, int quantity) {
		long sold = shelf.sellReserved(orderNo, quantity);
		if (sold == quantity) {
			return quantity;
		}
		BitSet owned = new BitSet(quantity);
		items.find(Shelf.ofOrder(orderNo, StockStatus.SOLD))
			.projection(new Document(SLOT, 1))
			.forEach(d -> owned.set(d.getInteger(SLOT)));
		int taken = 0;
		for (int slot = owned.nextClearBit(0); slot < quantity; slot = owned.nextClearBit(slot + 1)) {
			if (shelf.take(sku, orderNo, slot, StockStatus.SOLD)) {
				taken++;
			}
		}
		if (taken > 0) {
			events.publish(new StockTaken(sku, taken));
		}
		// Short: another sale of this order (its payment's listener beside a direct call) may have filled the slots
		// after they were read here, with the codes this call found gone. Count again rather than report it short.
		int owns = owned.cardinality() + taken;
		return owns >= quantity ? owns : (int) shelf.countOf(orderNo, StockStatus.SOLD);
	}

	/**
	 * Opens the codes an order owns (redeemed own vouchers too: the buyer still sees what they used), in slot order.
	 * The caller records who is shown them.
	 */
	public List<String> reveal(String orderNo) {
		List<String> codes = new ArrayList<>();
		items.find(Filters.and(Filters.eq(ORDER, orderNo),
				Filters.in(STATUS, StockStatus.SOLD.name(), StockStatus.REDEEMED.name())))
			.sort(Sorts.ascending(SLOT))
			.forEach(d -> codes.add(vault.open(new Sealed(d.getString(KEY_ID), d.get(CIPHER, Binary.class).getData()))));
		return codes;
	}

	/** Opens the codes an order owns with their last days, in slot order. The caller records who is shown them. */
	public List<DatedCode> revealDated(String orderNo) {
		return DatedCode.readAll(items, vault, shop.zone(), orderNo);
	}

	/** How many codes of the product may still be sold: one count, for browsing. */
	public long available(Sku sku) {
		return shelf.available(sku);
	}

	/**
	 * Like {@link #available(Sku)}, but stops counting at {@code cap}: exact when fewer, {@code cap} otherwise. A
	 * threshold check needs no more, and on a product with 100,000 codes it reads a handful of index keys instead of
	 * all of them.
	 */
	public long availableUpTo(Sku sku, int cap) {
		return shelf.availableUpTo(sku, cap);
	}

	public StockLevels levels(Sku sku) {
		long sellable = available(sku);
		long all = shelf.count(sku, StockStatus.AVAILABLE);
		return new StockLevels(sellable, shelf.count(sku, StockStatus.RESERVED), shelf.count(sku, StockStatus.SOLD),
				all - sellable);
	}

	/**
	 * Voids the codes nobody bought before their last day: they can never be sold, and leave the counts. Idempotent.
	 * Works a product at a time and {@value StockExpiry#VOID_BATCH} codes per update, so a day on which 100,000
	 * codes expire never holds buyers up for longer than one small update.
	 *
	 * @return how many codes this call voided
	 */
	public long voidExpired() {
		return expiry.voidExpired();
	}

	/** How many sellable codes of the product reach their last day before {@code until}. */
	public long expiringBefore(Sku sku, Instant until) {
		return items.countDocuments(Filters.and(shelf.sellable(sku), Filters.lte(SELL_BY, Date.from(until))));
	}

	/**
	 * Voids the codes an order owns (a buyer reported them bad) and frees their slots, so {@link #sell} can give
	 * the order fresh ones. The voided codes remember the order in {@code voidedFrom}. Idempotent.
	 *
	 * @return how many codes this call voided
	 */
	public long voidSold(String orderNo) {
		return items.updateMany(Shelf.ofOrder(orderNo, StockStatus.SOLD),
				Updates.combine(Updates.set(STATUS, StockStatus.VOID.name()), Updates.set(VOIDED_FROM, orderNo),
						Updates.unset(ORDER), Updates.unset(SLOT), Updates.set(CHANGED_AT, Date.from(clock.instant()))))
			.getModifiedCount();
	}
}
