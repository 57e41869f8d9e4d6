package io.kamibot.customer;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Finds or registers the customer behind a channel identity.
 */
@Service
public class Customers {

	/** The language of a customer who has not chosen one. */
	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final MongoTemplate mongo;
	private final Clock clock;

	Customers(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The customer with this identity, registered on first sight. Safe under concurrent first messages. Every
	 * message asks, so a known customer costs one read, not a write.
	 */
	public Customer identify(ChannelIdentity identity) {
		Query query = Query.query(where("channel").is(identity.channel()).and("userId").is(identity.userId()));
		Customer known = mongo.findOne(query, Customer.class);
		if (known != null) {
			return known;
		}
		Update register = new Update().setOnInsert("_id", new ObjectId().toHexString())
			.setOnInsert("locale", DEFAULT_LOCALE.toLanguageTag())
			.setOnInsert("createdAt", clock.instant());
		FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			return mongo.findAndModify(query, register, upsert, Customer.class);
		}
		catch (DuplicateKeyException e) {
			// Two first messages raced; the other one registered the customer.
			return mongo.findOne(query, Customer.class);
		}
	}

	public Optional<Customer> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Customer.class));
	}

	public Customer changeLocale(String id, Locale locale) {
		return mongo.findAndModify(Query.query(where("_id").is(id)), Update.update("locale", locale.toLanguageTag()),
				FindAndModifyOptions.options().returnNew(true), Customer.class);
	}
}
