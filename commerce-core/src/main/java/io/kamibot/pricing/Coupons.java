package io.kamibot.pricing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kamibot.pricing.CouponRefused.Reason;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Coupons and their uses. A use is taken by conditional updates when an order is placed (the coupon's count below
 * its limit, then the customer's below theirs) and given back once when the order expires or is cancelled, so a
 * coupon for 10 uses gives exactly 10 discounts to any number of buyers at once. Not for resellers: their tier
 * prices are the discount.
 */
@Service
public class Coupons {

	static final String PER_CUSTOMER = "coupon_customers";
	private static final int ATTEMPTS = 3;
	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;
	private final Clock clock;

	Coupons(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Creates or changes a coupon; its count of uses is kept. */
	public Coupon save(String code, CouponDraft draft) {
		draft.check();
		String id = normal(code);
		if (!id.matches("[A-Z0-9_-]{3,32}")) {
			throw new IllegalArgumentException("A coupon code is 3-32 of A-Z, 0-9, _ and -");
		}
		Update update = new Update().set("percentOff", draft.percentOff()).set("fenOff", draft.fenOff())
			.set("minFen", draft.minFen()).set("skus", draft.skus()).set("startsAt", draft.startsAt())
			.set("endsAt", draft.endsAt()).set("maxUses", draft.maxUses())
			.set("maxUsesPerCustomer", draft.maxUsesPerCustomer()).set("updatedAt", clock.instant())
			.setOnInsert("uses", 0);
		return mongo.findAndModify(Query.query(where("_id").is(id)), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Coupon.class);
	}

	public Optional<Coupon> find(String code) {
		return Optional.ofNullable(mongo.findById(normal(code), Coupon.class));
	}

	public List<Coupon> all() {
		return mongo.find(new Query().with(Sort.by("_id")).limit(500), Coupon.class);
	}

	/** Whether some coupon may take money off this product now: then an order offers to use one. */
	public boolean anyFor(String sku) {
		Instant now = clock.instant();
		Criteria usable = new Criteria().andOperator(
				new Criteria().orOperator(where("startsAt").isNull(), where("startsAt").lte(now)),
				new Criteria().orOperator(where("endsAt").isNull(), where("endsAt").gt(now)),
				new Criteria().orOperator(where("skus").isNull(), where("skus").size(0), where("skus").is(sku)));
		return mongo.exists(Query.query(usable).limit(1), Coupon.class);
	}

	/**
	 * Checks the coupon for an order without taking a use: what it would take off.
	 *
	 * @throws CouponRefused with the reason it cannot be used
	 */
	public Coupon check(String code, String sku, long amountFen) {
		Coupon coupon = find(code).orElseThrow(() -> new CouponRefused(normal(code), Reason.UNKNOWN));
		Instant now = clock.instant();
		if (coupon.startsAt() != null && now.isBefore(coupon.startsAt())) {
			throw new CouponRefused(coupon.code(), Reason.NOT_YET);
		}
		if (coupon.endsAt() != null && !now.isBefore(coupon.endsAt())) {
			throw new CouponRefused(coupon.code(), Reason.ENDED);
		}
		if (!coupon.appliesTo(sku)) {
			throw new CouponRefused(coupon.code(), Reason.NOT_FOR_PRODUCT);
		}
		if (coupon.minFen() != null && amountFen < coupon.minFen()) {
			throw new CouponRefused(coupon.code(), Reason.BELOW_MINIMUM);
		}
		if (coupon.maxUses() != null && coupon.uses() >= coupon.maxUses()) {
			throw new CouponRefused(coupon.code(), Reason.USED_UP);
		}
		return coupon;
	}

	/**
	 * Takes a use of the coupon for an order, once per order.
	 *
	 * @throws CouponRefused when it cannot be used; then nothing was taken
	 */
	public CouponUse take(String code, String customerId, String orderNo, String sku, long amountFen, Long stars) {
		CouponUse earlier = mongo.findById(orderNo, CouponUse.class);
		if (earlier != null) {
			return earlier;
		}
		Coupon coupon = takeOne(code, sku, amountFen);
		if (coupon.maxUsesPerCustomer() != null && !takeForCustomer(coupon, customerId)) {
			mongo.updateFirst(Query.query(where("_id").is(coupon.code())), new Update().inc("uses", -1), Coupon.class);
			throw new CouponRefused(coupon.code(), Reason.USED_UP_FOR_YOU);
		}
		return mongo.insert(new CouponUse(orderNo, coupon.code(), customerId, coupon.discountFen(amountFen),
				stars == null ? 0 : coupon.discountStars(stars), clock.instant(), null));
	}

	/** Gives an order's use back to its coupon (its order expired or was cancelled); only the first call does. */
	public void giveBack(String orderNo) {
		CouponUse use = mongo.findAndModify(Query.query(where("_id").is(orderNo).and("returnedAt").isNull()),
				new Update().set("returnedAt", clock.instant()), CouponUse.class);
		if (use == null) {
			return;
		}
		mongo.updateFirst(Query.query(where("_id").is(use.code()).and("uses").gt(0)), new Update().inc("uses", -1),
				Coupon.class);
		mongo.getCollection(PER_CUSTOMER).updateOne(new Document("_id", use.code() + "/" + use.customerId())
			.append("n", new Document("$gt", 0)), new Document("$inc", new Document("n", -1)));
	}

	/** The coupon's latest uses, newest first: held, and given back ({@code returnedAt} set). */
	public List<CouponUse> uses(String code, int limit) {
		return mongo.find(Query.query(where("code").is(normal(code))).with(Sort.by(Sort.Direction.DESC, "takenAt"))
			.limit(limit), CouponUse.class);
	}

	/** An order's use, if it took one. */
	public Optional<CouponUse> use(String orderNo) {
		return Optional.ofNullable(mongo.findById(orderNo, CouponUse.class));
	}

	private Coupon takeOne(String code, String sku, long amountFen) {
		for (int attempt = 1;; attempt++) {
			Coupon coupon = check(code, sku, amountFen);
			Criteria below = where("_id").is(coupon.code()).and("updatedAt").is(coupon.updatedAt());
			if (coupon.maxUses() != null) {
				below = below.and("uses").lt(coupon.maxUses());
			}
			Coupon taken = mongo.findAndModify(Query.query(below), new Update().inc("uses", 1), Coupon.class);
			if (taken != null) {
				return taken;
			}
			if (attempt == ATTEMPTS) {
				// Changed by an admin each time, or used up meanwhile.
				throw new CouponRefused(coupon.code(), Reason.USED_UP);
			}
		}
	}

	private boolean takeForCustomer(Coupon coupon, String customerId) {
		MongoCollection<Document> counts = mongo.getCollection(PER_CUSTOMER);
		Document below = new Document("_id", coupon.code() + "/" + customerId).append("n",
				new Document("$lt", coupon.maxUsesPerCustomer()));
		Document inc = new Document("$inc", new Document("n", 1));
		try {
			counts.findOneAndUpdate(below, inc, new FindOneAndUpdateOptions().upsert(true));
			return true;
		}
		catch (MongoCommandException e) {
			if (e.getErrorCode() != DUPLICATE_KEY) {
				throw e;
			}
			// The count exists: at the limit, or written by a concurrent first use. Without the upsert, only the
			// condition decides.
			return counts.updateOne(below, inc).getModifiedCount() == 1;
		}
	}

	private static String normal(String code) {
		return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
	}
}
