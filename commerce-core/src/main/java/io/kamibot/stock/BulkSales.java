package io.kamibot.stock;

import java.time.Clock;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import io.kamibot.catalog.Sku;
import io.kamibot.events.DomainEvents;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import static io.kamibot.stock.StockItems.COLLECTION;

/**
 * Sells codes to many orders at once (a benefit plan's period: hundreds of orders of one product, paid together), in
 * a few round trips however many, with the same rule as {@link Stock#sell}: each code moves by one update conditional
 * on it still being sellable, and each slot of an order holds at most one code.
 */
@Service
public class BulkSales {

	private final BulkReservations bulk;

	BulkSales(MongoTemplate mongo, DomainEvents events, Clock clock) {
		MongoCollection<Document> items = mongo.getCollection(COLLECTION);
		this.bulk = new BulkReservations(items, new Shelf(items, clock), events, clock);
	}

	/**
	 * Sells codes, earliest expiry first, to orders of the product that own none yet (paid, nothing reserved). An order
	 * sold elsewhere meanwhile (a recovery sweep, another instance) still ends with no more codes than its quantity.
	 *
	 * @param quantities each order's quantity, by order number
	 * @return how many codes each order owns now, by order number; short ones are for {@link Stock#sell} to finish
	 *     or leave waiting for stock
	 */
	public Map<String, Integer> sellEach(Sku sku, Map<String, Integer> quantities) {
		return bulk.sellEach(sku, quantities);
	}
}
