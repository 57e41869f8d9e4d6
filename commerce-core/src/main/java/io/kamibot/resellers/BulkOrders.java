package io.kamibot.resellers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.kamibot.catalog.Sku;
import io.kamibot.ordering.PrepaidOrders;
import io.kamibot.pricing.Pricing;
import io.kamibot.pricing.Quote;
import io.kamibot.stock.OutOfStock;
import io.kamibot.stock.Stock;
import io.kamibot.wallet.Wallets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Resellers' bulk orders, all or nothing and idempotent by the reseller's reference: either every code is reserved
 * (earliest expiry first) and the wallet is debited at the reseller's price, or nothing changes and the failure
 * says why. The same reference again returns the same order and codes with no second debit; an order whose placer
 * died half-way is finished by the same reference, or by {@link #recover()}.
 */
@Service
public class BulkOrders {

	/** A bulk order still being placed after this long was abandoned by a process that died. */
	static final Duration ABANDONED = Duration.ofMinutes(2);
	/**
	 * The most codes one bulk order takes: its slots and codes are held in memory while it is placed. On the embedded
	 * default's 192 MB heap an order of 100,000 through the Open API was answered in 34 s, at 450 MB RSS.
	 */
	public static final int MAX_QUANTITY = 100_000;
	private static final int SWEEP_BATCH = 100;

	private final MongoTemplate mongo;
	private final Resellers resellers;
	private final Pricing pricing;
	private final PrepaidOrders prepaid;
	private final BulkSteps steps;
	private final Stock stock;
	private final Wallets wallets;
	private final Clock clock;

	BulkOrders(MongoTemplate mongo, Resellers resellers, Pricing pricing, PrepaidOrders prepaid, BulkSteps steps,
			Stock stock, Wallets wallets, Clock clock) {
		this.mongo = mongo;
		this.resellers = resellers;
		this.pricing = pricing;
		this.prepaid = prepaid;
		this.steps = steps;
		this.stock = stock;
		this.wallets = wallets;
		this.clock = clock;
	}

	/** What the reseller would pay for the order now. */
	public Quote quote(String resellerId, Sku sku, int quantity) {
		return pricing.quote(sku, quantity, resellers.get(resellerId).level());
	}

	/**
	 * Places the bulk order, or returns the one placed under the same reference before.
	 *
	 * @param channel where the codes are shown, for the audit log
	 * @throws io.kamibot.stock.OutOfStock not enough codes; nothing changed
	 * @throws io.kamibot.wallet.InsufficientBalance not enough balance; nothing changed
	 * @throws io.kamibot.catalog.UnknownProduct, io.kamibot.ordering.ProductUnavailable no such product on sale
	 * @throws RefReused the reference is an order of another product or quantity
	 * @throws ResellerSuspended the reseller may not buy
	 */
	public BulkReceipt order(String resellerId, Sku sku, int quantity, String ref, String channel) {
		Reseller reseller = buyer(resellerId, quantity, ref);
		BulkOrder existing = mongo.findById(BulkOrder.idOf(resellerId, ref), BulkOrder.class);
		String number = existing == null ? prepaid.newNumber() : existing.orderNo();
		BulkOrder bulk = existing != null ? existing : record(reseller, sku, quantity, ref, number);
		boolean created = existing == null && bulk.orderNo().equals(number);
		if (!bulk.sameAs(sku.value(), quantity)) {
			throw new RefReused(ref, bulk.orderNo());
		}
		if (bulk.state() != BulkState.DONE) {
			steps.run(bulk, reseller);
		}
		return new BulkReceipt(bulk, steps.codes(bulk, channel), created);
	}

	/**
	 * Checks a bulk order as placing it would, without placing it, for a step that asks the reseller first: the
	 * price, or the order the reference already names (which placing returns again, with no second charge).
	 *
	 * @throws io.kamibot.stock.OutOfStock not enough codes now
	 * @throws io.kamibot.wallet.InsufficientBalance not enough balance now
	 * @throws RefReused the reference is an order of another product or quantity
	 * @throws ResellerSuspended the reseller may not buy
	 */
	public BulkPreview preview(String resellerId, Sku sku, int quantity, String ref) {
		Reseller reseller = buyer(resellerId, quantity, ref);
		BulkOrder existing = mongo.findById(BulkOrder.idOf(resellerId, ref), BulkOrder.class);
		if (existing != null) {
			if (!existing.sameAs(sku.value(), quantity)) {
				throw new RefReused(ref, existing.orderNo());
			}
			return new BulkPreview(existing.amountFen(), wallets.balance(reseller.walletId()), true);
		}
		Quote quote = pricing.quote(sku, quantity, reseller.level());
		long available = stock.availableUpTo(sku, quantity);
		if (available < quantity) {
			throw new OutOfStock(sku, quantity, available);
		}
		return new BulkPreview(quote.totalFen(), wallets.checkCovers(reseller.walletId(), quote.totalFen()), false);
	}

	/** A done bulk order by the reseller's reference, with its codes (recorded as shown). */
	public Optional<BulkReceipt> find(String resellerId, String ref, String channel) {
		return Optional.ofNullable(mongo.findById(BulkOrder.idOf(resellerId, ref), BulkOrder.class))
			.filter(b -> b.state() == BulkState.DONE)
			.map(b -> new BulkReceipt(b, steps.codes(b, channel), false));
	}

	/** A done bulk order by its order number. */
	public Optional<BulkOrder> byOrderNo(String orderNo) {
		return Optional.ofNullable(mongo.findOne(Query.query(where("orderNo").is(orderNo).and("state")
			.is(BulkState.DONE)), BulkOrder.class));
	}

	/** The codes of a done bulk order, recorded as shown to its reseller on the channel. */
	public BulkReceipt receipt(BulkOrder bulk, String channel) {
		return new BulkReceipt(bulk, steps.codes(bulk, channel), false);
	}

	/**
	 * Finishes or undoes bulk orders whose placer died: those the wallet paid are delivered, the others release their
	 * codes. Safe on several instances at once.
	 *
	 * @return how many it looked at
	 */
	public int recover() {
		List<BulkOrder> stale = mongo.find(Query.query(where("state").is(BulkState.PLACING).and("createdAt")
			.lte(clock.instant().minus(ABANDONED))).with(Sort.by("createdAt")).limit(SWEEP_BATCH), BulkOrder.class);
		for (BulkOrder bulk : stale) {
			steps.undoOrFinish(bulk, resellers.get(bulk.resellerId()));
		}
		return stale.size();
	}

	/** The reseller, when it may place this order. */
	private Reseller buyer(String resellerId, int quantity, String ref) {
		Reseller reseller = resellers.get(resellerId);
		if (!reseller.active()) {
			throw new ResellerSuspended(resellerId);
		}
		if (!Wallets.isValidReference(ref) || quantity < 1 || quantity > MAX_QUANTITY) {
			throw new IllegalArgumentException("A bulk order needs a quantity from 1 to " + MAX_QUANTITY
					+ " and a reference of 1-64 characters of A-Za-z0-9_.:-");
		}
		return reseller;
	}

	private BulkOrder record(Reseller reseller, Sku sku, int quantity, String ref, String orderNo) {
		Quote quote = pricing.quote(sku, quantity, reseller.level());
		BulkOrder bulk = new BulkOrder(BulkOrder.idOf(reseller.id(), ref), reseller.id(), ref, orderNo,
				sku.value(), quantity, quote.totalFen(), BulkState.PLACING, clock.instant(), null);
		try {
			return mongo.insert(bulk);
		}
		catch (DuplicateKeyException e) {
			return mongo.findById(bulk.id(), BulkOrder.class);
		}
	}
}
