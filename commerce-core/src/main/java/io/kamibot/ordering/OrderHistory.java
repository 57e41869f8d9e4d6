package io.kamibot.ordering;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The status moves of an order, oldest first, for the console's order detail. Orders placed before moves were kept
 * have none; their times ({@code createdAt}, {@code paidAt} …) are on the order itself.
 */
@Service
public class OrderHistory {

	private final MongoTemplate mongo;

	OrderHistory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public List<OrderMove> moves(String orderNo) {
		Query query = Query.query(where("_id").is(orderNo));
		query.fields().include("moves");
		Moves found = mongo.findOne(query, Moves.class, "orders");
		return found == null || found.moves() == null ? List.of() : found.moves();
	}

	/** The order document read for its moves only. */
	record Moves(@Id String orderNo, List<OrderMove> moves) {
	}
}
