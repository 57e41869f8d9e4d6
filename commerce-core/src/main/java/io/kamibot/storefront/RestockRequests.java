package io.kamibot.storefront;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.kamibot.catalog.Sku;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * "Tell me when it is back": who asked about which sold-out product. Asking twice is one request (its id is the
 * product and the buyer); on a restock each request is taken by one remove, so of several instances reacting to
 * the same import only one tells each buyer, and each buyer is told once.
 */
@Service
public class RestockRequests {

	private final MongoTemplate mongo;
	private final Clock clock;

	RestockRequests(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Records the request; repeating it changes nothing. */
	public void ask(Sku sku, String customerId) {
		String id = RestockRequest.id(sku.value(), customerId);
		mongo.findAndModify(Query.query(where("_id").is(id)),
				new Update().setOnInsert("sku", sku.value()).setOnInsert("customerId", customerId)
					.setOnInsert("at", clock.instant()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), RestockRequest.class);
	}

	/** Removes and returns up to {@code limit} of the buyers waiting for the product, oldest request first. */
	public List<String> take(Sku sku, int limit) {
		List<String> taken = new ArrayList<>();
		for (int i = 0; i < limit; i++) {
			RestockRequest request = mongo.findAndRemove(
					Query.query(where("sku").is(sku.value())).with(Sort.by("at")),
					RestockRequest.class);
			if (request == null) {
				break;
			}
			taken.add(request.customerId());
		}
		return taken;
	}
}
