package io.kamibot.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * An order's hand-over and every time its codes were shown since, for the console. An order is delivered once; the
 * views are the buyer opening {@code /orders} or the codes page, and admins resending.
 */
@Service
public class DeliveryHistory {

	private static final int MAX_VIEWS = 100;

	private final MongoTemplate mongo;

	DeliveryHistory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The hand-over, or {@code null} when the order has none yet. */
	public DeliveryLine delivery(String orderNo) {
		Delivery d = mongo.findById(orderNo, Delivery.class);
		return d == null ? null
				: new DeliveryLine(d.quantity(), d.deliveredAt(), d.notifiedAt(), d.reminders(), d.gaveUpAt());
	}

	/** The latest 100 times the codes were shown, oldest first. */
	public List<ViewLine> views(String orderNo) {
		Query latest = Query.query(where("orderNo").is(orderNo)).with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(MAX_VIEWS);
		List<ViewLine> views = new ArrayList<>();
		for (CodeView v : mongo.find(latest, CodeView.class)) {
			views.add(new ViewLine(v.viewer(), v.channel(), v.count(), v.at()));
		}
		Collections.reverse(views);
		return views;
	}

	/**
	 * @param notifiedAt when the buyer's chat took the message with the codes
	 * @param gaveUpAt when the shop stopped trying to send that message (the buyer still has {@code /orders})
	 */
	public record DeliveryLine(int quantity, Instant deliveredAt, Instant notifiedAt, int reminders,
			Instant gaveUpAt) {
	}

	/** @param viewer {@code customer:…} or an admin */
	public record ViewLine(String viewer, String channel, int count, Instant at) {
	}
}
