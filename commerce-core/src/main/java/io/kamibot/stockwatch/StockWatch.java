package io.kamibot.stockwatch;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.OrderEvents.OrderCancelled;
import io.kamibot.ordering.OrderEvents.OrderExpired;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.stock.StockReplenished;
import io.kamibot.stock.StockTaken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Compares each product's sellable count with its threshold whenever it may have changed (codes taken by an order,
 * released by an expired or cancelled one, imported) and alerts admins once per crossing.
 * <p>
 * A sale is the hot path, and it only lowers the count: it counts no further than the threshold and writes nothing
 * while the product is above it. Re-arming happens where the count goes up (imports, released orders) and in the
 * safety scan.
 */
@Service
@EnableConfigurationProperties(StockWatchSettings.class)
public class StockWatch {

	private static final Logger log = LoggerFactory.getLogger(StockWatch.class);

	private final Catalog catalog;
	private final Stock stock;
	private final Orders orders;
	private final Alerts alerts;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final StockWatchSettings settings;

	StockWatch(Catalog catalog, Stock stock, Orders orders, Alerts alerts, MongoTemplate mongo, Clock clock,
			StockWatchSettings settings) {
		this.catalog = catalog;
		this.stock = stock;
		this.orders = orders;
		this.alerts = alerts;
		this.mongo = mongo;
		this.clock = clock;
		this.settings = settings;
	}

	@EventListener
	void on(StockTaken taken) {
		try {
			check(taken.sku(), false);
		}
		catch (RuntimeException e) {
			// A sale must not fail because its alert did; the safety scan looks again.
			log.error("Checking the stock of {} failed", taken.sku(), e);
		}
	}

	@EventListener
	void on(OrderExpired expired) {
		checkOrder(expired.orderNo());
	}

	@EventListener
	void on(OrderCancelled cancelled) {
		checkOrder(cancelled.orderNo());
	}

	@EventListener
	void on(StockReplenished replenished) {
		checkQuietly(replenished.sku());
	}

	/**
	 * Alerts when the product is at or under its threshold and has not alerted since its last restock; re-arms the
	 * alerts when it is above. Safe on several instances at once: the state moves by conditional updates.
	 */
	public void check(Sku sku) {
		check(sku, true);
	}

	/**
	 * @param mayHaveRisen {@code false} after codes were taken: the count only fell, so above the threshold there
	 *     is nothing to re-arm and nothing is written
	 */
	private void check(Sku sku, boolean mayHaveRisen) {
		Product product = catalog.find(sku).orElse(null);
		if (product == null) {
			return;
		}
		int threshold = threshold(product);
		long available = stock.availableUpTo(sku, threshold + 1);
		if (available > threshold) {
			if (mayHaveRisen) {
				rearm(sku, "low", "out");
			}
			return;
		}
		if (mayHaveRisen && available > 0) {
			rearm(sku, "out");
		}
		alertAtOrUnder(product, available, threshold);
	}

	private void alertAtOrUnder(Product product, long available, int threshold) {
		Sku sku = product.id();
		if (available > 0) {
			if (firstAlert(sku, "low")) {
				alerts.raise(AlertType.LOW_STOCK, null,
						List.of(sku.value(), product.title(), String.valueOf(available), String.valueOf(threshold)),
						List.of(new AlertAction(Verb.PAUSE, sku.value())));
			}
		}
		else if (firstAlert(sku, "out")) {
			firstAlert(sku, "low");
			boolean pause = settings.autoPause() && product.active();
			if (pause) {
				catalog.save(sku, new ProductDraft(null, null, null, null, null, false, null, null));
				log.info("Product {} is sold out and was taken off sale", sku);
			}
			alerts.raise(AlertType.OUT_OF_STOCK, null, List.of(sku.value(), product.title(), String.valueOf(pause)),
					pause ? List.of() : List.of(new AlertAction(Verb.PAUSE, sku.value())));
		}
	}

	/** The safety scan: checks every product, in case an event was missed (a crash between sale and check). */
	public int scan() {
		List<Product> products = catalog.all();
		products.forEach(p -> checkQuietly(p.id()));
		return products.size();
	}

	/**
	 * Warns about sellable codes whose last day is within the configured days, once per product and day.
	 *
	 * @return how many warnings this call raised
	 */
	public int warnExpiring() {
		LocalDate today = LocalDate.now(clock);
		int raised = 0;
		for (Product product : catalog.all()) {
			long expiring = stock.expiringBefore(product.id(),
					clock.instant().plus(Duration.ofDays(settings.expiringDays())));
			if (expiring > 0 && alerts.raise(AlertType.STOCK_EXPIRING, "expiring:" + product.sku() + ":" + today,
					List.of(product.sku(), product.title(), String.valueOf(expiring),
							String.valueOf(settings.expiringDays())),
					List.of(new AlertAction(Verb.PAUSE, product.sku()))).isPresent()) {
				raised++;
			}
		}
		return raised;
	}

	int threshold(Product product) {
		return product.lowStockThreshold() > 0 ? product.lowStockThreshold() : settings.lowStockThreshold();
	}

	private void checkOrder(String orderNo) {
		orders.find(orderNo).ifPresent(order -> checkQuietly(order.productSku()));
	}

	private void checkQuietly(Sku sku) {
		try {
			check(sku);
		}
		catch (RuntimeException e) {
			// A sale must not fail because its alert did; the safety scan looks again.
			log.error("Checking the stock of {} failed", sku, e);
		}
	}

	/** Sets the flag if it was not set; true only for the one caller that set it. */
	private boolean firstAlert(Sku sku, String flag) {
		try {
			var result = mongo.upsert(Query.query(where("_id").is(sku.value()).and(flag).ne(true)),
					Update.update(flag, true), WatchState.class);
			return result.getModifiedCount() == 1 || result.getUpsertedId() != null;
		}
		catch (DuplicateKeyException e) {
			return false; // Set already: the upsert found no unset document and could not insert one.
		}
	}

	/** Clears the flags that are set, in one conditional update (a sale above the threshold changes nothing). */
	private void rearm(Sku sku, String... flags) {
		Update update = new Update();
		for (String flag : flags) {
			update.set(flag, false);
		}
		mongo.updateFirst(Query.query(where("_id").is(sku.value())
			.orOperator(java.util.Arrays.stream(flags).map(flag -> where(flag).is(true)).toArray(Criteria[]::new))),
				update, WatchState.class);
	}
}
