package io.kamibot.risk;

import java.time.Clock;
import java.util.List;

import io.kamibot.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The ban list: banned customers cannot place orders. */
@Service
public class Bans {

	private final MongoTemplate mongo;
	private final AuditLog audit;
	private final Clock clock;

	Bans(MongoTemplate mongo, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/** Bans the customer; says whether they were not banned before. */
	public boolean ban(String customerId, String by) {
		try {
			mongo.insert(new Ban(customerId, by, clock.instant()));
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		audit.record(by, "customer.ban", customerId, null);
		return true;
	}

	/** Lifts the ban; says whether there was one. */
	public boolean unban(String customerId, String by) {
		boolean lifted = mongo.remove(Query.query(where("_id").is(customerId)), Ban.class).getDeletedCount() > 0;
		if (lifted) {
			audit.record(by, "customer.unban", customerId, null);
		}
		return lifted;
	}

	/** The bans, newest first. */
	public List<Ban> list(int limit) {
		return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(limit), Ban.class);
	}

	public boolean isBanned(String customerId) {
		return mongo.exists(Query.query(where("_id").is(customerId)), Ban.class);
	}
}
