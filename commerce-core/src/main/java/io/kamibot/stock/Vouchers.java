package io.kamibot.stock;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import io.kamibot.stock.Redemption.Outcome;
import io.kamibot.vault.Vault;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import static io.kamibot.stock.StockItems.*;

/**
 * The shop's own vouchers: generating them, and redeeming a sold one exactly once. A redemption is one conditional
 * update, SOLD → REDEEMED on the code found by its keyed hash, so of any number of concurrent redemptions of one code
 * exactly one succeeds; the others read why not.
 */
@Service
public class Vouchers {

	/** The most codes one call generates. */
	public static final int MAX_COUNT = 1_000_000;
	private static final Logger log = LoggerFactory.getLogger(Vouchers.class);
	private static final Bson WHY_NOT = Projections.include(SKU, STATUS, ORDER, SELL_BY, ISSUER, REDEEMED_AT,
			REDEEMED_BY);
	private static final BsonString SOLD = new BsonString(StockStatus.SOLD.name());
	private static final BsonString REDEEMED = new BsonString(StockStatus.REDEEMED.name());
	private static final BsonString OWN = new BsonString(SHOP);
	private static final FindOneAndUpdateOptions REDEEMED_ANSWER = new FindOneAndUpdateOptions()
		.projection(new BsonDocument(SKU, new BsonInt32(1)).append(ORDER, new BsonInt32(1)))
		.returnDocument(ReturnDocument.AFTER);

	private final MongoTemplate mongo;
	private final MongoCollection<Document> items;
	/** The same collection read as plain BSON, without the codec registry, for the redemption's one update. */
	private final MongoCollection<BsonDocument> codes;
	private final Catalog catalog;
	private final Vault vault;
	private final DomainEvents events;
	private final Clock clock;
	private final ShopSettings shop;
	private final VoucherMint mint;

	Vouchers(MongoTemplate mongo, Catalog catalog, Vault vault, DomainEvents events, Clock clock, ShopSettings shop) {
		this.mongo = mongo;
		this.items = mongo.getCollection(COLLECTION);
		this.codes = items.withDocumentClass(BsonDocument.class);
		this.catalog = catalog;
		this.vault = vault;
		this.events = events;
		this.clock = clock;
		this.shop = shop;
		this.mint = new VoucherMint(items, vault, new SecureRandom());
	}

	/**
	 * Generates {@code count} fresh codes of an own product and puts them on sale, as an import would.
	 *
	 * @param expiresOn the codes' last day, or {@code null} when they never expire
	 * @throws NotOwnVoucher when the product's codes are imported
	 * @throws IllegalArgumentException for a count or length out of range, or a last day in the past
	 */
	public GeneratedBatch generate(Sku sku, int count, int length, LocalDate expiresOn, String source) {
		Product product = catalog.get(sku);
		if (!product.ownVoucher()) {
			throw new NotOwnVoucher(sku);
		}
		if (count < 1 || count > MAX_COUNT) {
			throw new IllegalArgumentException("count is 1-" + MAX_COUNT);
		}
		VoucherCode.checkLength(length);
		Instant now = clock.instant();
		if (expiresOn != null && expiresOn.isBefore(LocalDate.ofInstant(now, shop.zone()))) {
			throw new IllegalArgumentException("expiresOn " + expiresOn + " has passed");
		}
		// A code dated D may be used through the whole of day D in the shop's zone, as an imported one is sold.
		Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(shop.zone()).toInstant();
		String batchId = new ObjectId().toHexString();
		long made = mint.mint(sku, batchId, count, length, expiresAt, now);
		mongo.insert(new ImportBatch(batchId, sku.value(), source, now, clock.instant(), made, 0, 0));
		log.info("Generated {} own vouchers for {} ({})", made, sku, source);
		events.publish(new StockReplenished(sku, made));
		return new GeneratedBatch(batchId, sku.value(), made, length, expiresOn);
	}

	/**
	 * Redeems a sold own voucher of one of {@code skus} for {@code redeemer}, exactly once. Safe under any
	 * concurrency: one conditional update decides.
	 */
	public Redemption redeem(String typed, String redeemer, Collection<String> skus) {
		String code = VoucherCode.normalise(typed);
		if (!VoucherCode.valid(code)) {
			return Redemption.of(Outcome.MISTYPED);
		}
		String lookup = vault.fingerprint(code);
		// Bounded: a code is refunded and restored by an admin's hand, never in a loop.
		for (int attempt = 0; attempt < 3; attempt++) {
			// As the database keeps it, so the first answer and every later one name the same instant.
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			Date at = Date.from(now);
			BsonDocument done = codes.findOneAndUpdate(redeemable(lookup, skus, at), redeemed(redeemer, at),
					REDEEMED_ANSWER);
			if (done != null) {
				return new Redemption(Outcome.REDEEMED, done.getString(SKU).getValue(),
						done.getString(ORDER).getValue(), now, redeemer);
			}
			Redemption why = explain(lookup, skus, now);
			if (why.outcome() != Outcome.REDEEMABLE) {
				return why;
			}
		}
		throw new IllegalStateException("A code kept changing while it was redeemed");
	}

	/** What {@link #redeem} would answer now, without redeeming: {@link Outcome#REDEEMABLE} where it would redeem. */
	public Redemption check(String typed, Collection<String> skus) {
		String code = VoucherCode.normalise(typed);
		if (!VoucherCode.valid(code)) {
			return Redemption.of(Outcome.MISTYPED);
		}
		return explain(vault.fingerprint(code), skus, clock.instant());
	}

	/**
	 * The code by its keyed hash, while it is a sold own voucher of one of the SKUs, before its last day. Made as BSON
	 * directly: the driver's filter builders look up a codec for each value, the largest part of the shop's own CPU
	 * in a redemption.
	 */
	private static BsonDocument redeemable(String lookup, Collection<String> skus, Date at) {
		BsonArray allowed = new BsonArray(skus.size());
		skus.forEach(sku -> allowed.add(new BsonString(sku)));
		return new BsonDocument(LOOKUP, new BsonString(lookup))
			.append(STATUS, SOLD)
			.append(ISSUER, OWN)
			.append(SKU, new BsonDocument("$in", allowed))
			.append(SELL_BY, new BsonDocument("$gt", new BsonDateTime(at.getTime())));
	}

	private static BsonDocument redeemed(String redeemer, Date at) {
		BsonDateTime when = new BsonDateTime(at.getTime());
		return new BsonDocument("$set", new BsonDocument(STATUS, REDEEMED)
			.append(REDEEMED_AT, when)
			.append(REDEEMED_BY, new BsonString(redeemer))
			.append(CHANGED_AT, when));
	}

	private Redemption explain(String lookup, Collection<String> skus, Instant now) {
		Document code = items.find(Filters.eq(LOOKUP, lookup)).projection(WHY_NOT).first();
		if (code == null || !SHOP.equals(code.getString(ISSUER))) {
			return Redemption.of(Outcome.UNKNOWN);
		}
		String sku = code.getString(SKU);
		if (!skus.contains(sku)) {
			return Redemption.of(Outcome.NOT_ALLOWED);
		}
		String orderNo = code.getString(ORDER);
		Date redeemedAt = code.getDate(REDEEMED_AT);
		Outcome outcome = switch (StockStatus.valueOf(code.getString(STATUS))) {
			case AVAILABLE, RESERVED -> Outcome.NOT_SOLD;
			case VOID -> Outcome.REFUNDED;
			case REDEEMED -> Outcome.ALREADY_REDEEMED;
			case SOLD -> code.getDate(SELL_BY).toInstant().isAfter(now) ? Outcome.REDEEMABLE : Outcome.EXPIRED;
		};
		return new Redemption(outcome, sku, orderNo, redeemedAt == null ? null : redeemedAt.toInstant(),
				code.getString(REDEEMED_BY));
	}

	/**
	 * Takes an order's unredeemed own vouchers back before its money is returned, so none can be redeemed from now
	 * on; then, unless an admin overrides it, refuses when any of them was redeemed, putting the rest back.
	 *
	 * @return how many of its codes were redeemed (only ever more than 0 when overridden)
	 * @throws CodesRedeemed when some were redeemed and no override was given; nothing changed
	 */
	public long withdrawForRefund(String orderNo, boolean override) {
		Date now = Date.from(clock.instant());
		items.updateMany(
				Filters.and(Filters.eq(ORDER, orderNo), Filters.eq(STATUS, StockStatus.SOLD.name()),
						Filters.eq(ISSUER, SHOP)),
				Updates.combine(Updates.set(STATUS, StockStatus.VOID.name()), Updates.set(WITHDRAWN, true),
						Updates.set(CHANGED_AT, now)));
		// Counted after the withdrawal: a redemption that raced it either came first and is counted, or finds VOID.
		long redeemed = items.countDocuments(
				Filters.and(Filters.eq(ORDER, orderNo), Filters.eq(STATUS, StockStatus.REDEEMED.name())));
		if (redeemed > 0 && !override) {
			restore(orderNo);
			throw new CodesRedeemed(orderNo, redeemed);
		}
		return redeemed;
	}

	/** Puts back what {@link #withdrawForRefund} took, when the refund did not go through. */
	public void restore(String orderNo) {
		items.updateMany(
				Filters.and(Filters.eq(ORDER, orderNo), Filters.eq(STATUS, StockStatus.VOID.name()),
						Filters.eq(WITHDRAWN, true)),
				Updates.combine(Updates.set(STATUS, StockStatus.SOLD.name()), Updates.unset(WITHDRAWN),
						Updates.set(CHANGED_AT, Date.from(clock.instant()))));
	}

	/** When each redeemed code of the order was redeemed, in slot order (empty for most orders). */
	public List<Instant> redeemedOf(String orderNo) {
		return items.find(Filters.and(Filters.eq(ORDER, orderNo), Filters.eq(STATUS, StockStatus.REDEEMED.name())))
			.projection(Projections.include(SLOT, REDEEMED_AT))
			.sort(new Document(SLOT, 1))
			.map(d -> d.getDate(REDEEMED_AT).toInstant())
			.into(new ArrayList<>());
	}

	/** How many own vouchers were redeemed in {@code [from, to)}: one indexed count, for the daily report. */
	public long redeemedBetween(Instant from, Instant to) {
		return items.countDocuments(Filters.and(Filters.gte(REDEEMED_AT, Date.from(from)),
				Filters.lt(REDEEMED_AT, Date.from(to))));
	}
}
