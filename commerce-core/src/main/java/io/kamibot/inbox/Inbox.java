package io.kamibot.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Stores updates once and hands them out for processing with a lease: an update whose processor died is handed out
 * again when its lease ends. An update is not handed out while an earlier one of the same chat is still pending, so
 * each chat's updates are processed in order, also across instances.
 */
@Service
public class Inbox {

	static final String COLLECTION = "inbox";
	private static final String STATUS = "status";
	private static final int DUPLICATE_KEY = 11000;
	private static final int CANDIDATES = 20;
	/** After this many failed attempts an update is parked for a human instead of blocking its chat forever. */
	static final int MAX_ATTEMPTS = 5;

	private final MongoCollection<Document> items;
	private final Clock clock;
	private final AtomicLong lastSeq = new AtomicLong();

	Inbox(MongoTemplate mongo, Clock clock) {
		this.items = mongo.getCollection(COLLECTION);
		this.clock = clock;
	}

	/**
	 * Stores an update.
	 *
	 * @return {@code false} when this update was stored before (a redelivery): nothing to do
	 */
	public boolean accept(String channel, String updateId, String chat, String payload) {
		Instant received = clock.instant();
		Date now = Date.from(received);
		try {
			items.insertOne(new Document("_id", channel + ":" + updateId).append("channel", channel)
				.append("chat", channel + ":" + chat)
				.append("payload", payload)
				.append(STATUS, InboxStatus.PENDING.name())
				.append("seq", nextSeq(received))
				.append("receivedAt", now)
				.append("leaseUntil", new Date(0))
				.append("attempts", 0));
			return true;
		}
		catch (MongoException e) {
			if (e.getCode() == DUPLICATE_KEY) {
				return false;
			}
			throw e;
		}
	}

	/**
	 * Arrival order: microseconds of the wall clock, so it holds across instances and restarts, but strictly
	 * increasing within this process, so updates stored in the same microsecond (one batch) keep their order.
	 */
	private long nextSeq(Instant received) {
		long micros = received.getEpochSecond() * 1_000_000 + received.getNano() / 1_000;
		return lastSeq.updateAndGet(previous -> Math.max(previous + 1, micros));
	}

	/** The oldest update of the channel that may be processed now, leased to the caller for {@code lease}. */
	public Optional<InboxItem> claim(String channel, Duration lease) {
		Date now = Date.from(clock.instant());
		for (Document candidate : items.find(Filters.and(pending(), Filters.eq("channel", channel),
				Filters.lte("leaseUntil", now))).sort(Sorts.ascending("seq")).limit(CANDIDATES)) {
			if (hasEarlierPending(candidate)) {
				continue;
			}
			Document claimed = items.findOneAndUpdate(
					Filters.and(Filters.eq("_id", candidate.get("_id")), pending(),
							Filters.lte("leaseUntil", now)),
					Updates.combine(Updates.set("leaseUntil", Date.from(clock.instant().plus(lease))),
							Updates.inc("attempts", 1)),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
			if (claimed != null) {
				return Optional.of(new InboxItem(claimed.getString("_id"), channel, claimed.getString("chat"),
						claimed.getString("payload"), claimed.getInteger("attempts")));
			}
		}
		return Optional.empty();
	}

	/** The update is processed; it is never handed out again. */
	public void done(InboxItem item) {
		items.updateOne(Filters.eq("_id", item.id()),
				Updates.combine(Updates.set(STATUS, InboxStatus.DONE.name()),
						Updates.set("doneAt", Date.from(clock.instant())),
						Updates.unset("payload")));
	}

	/**
	 * Processing failed: hand it out again after {@code retryIn}, or park it after {@value #MAX_ATTEMPTS} attempts
	 * so the chat's later updates go on.
	 */
	public void failed(InboxItem item, Duration retryIn) {
		Bson update = item.attempts() >= MAX_ATTEMPTS ? Updates.set(STATUS, InboxStatus.FAILED.name())
				: Updates.set("leaseUntil", Date.from(clock.instant().plus(retryIn)));
		items.updateOne(Filters.eq("_id", item.id()), update);
	}

	/** Updates of the channel still to be processed. */
	public long pending(String channel) {
		return items.countDocuments(Filters.and(pending(), Filters.eq("channel", channel)));
	}

	private static Bson pending() {
		return Filters.eq(STATUS, InboxStatus.PENDING.name());
	}

	private boolean hasEarlierPending(Document candidate) {
		return items.countDocuments(Filters.and(Filters.eq("chat", candidate.getString("chat")),
				pending(), Filters.lt("seq", candidate.getLong("seq")))) > 0;
	}
}
