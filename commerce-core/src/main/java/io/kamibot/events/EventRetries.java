package io.kamibot.events;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Hands the publications a listener did not finish (it threw, or the process died under it) to that listener again.
 * Only publications older than {@link EventSettings#retryAfter()} are taken, so one that is being processed right
 * now is left alone; a listener may still see an event twice, which every listener's data-level idempotency absorbs.
 */
@Service
public class EventRetries {

	/** The registry's collection (Spring Modulith's MongoDB event publication repository). */
	static final String PUBLICATIONS = "event_publication";

	private final IncompleteEventPublications incomplete;
	private final MongoTemplate mongo;
	private final EventSettings settings;
	private final Clock clock;

	EventRetries(IncompleteEventPublications incomplete, MongoTemplate mongo, EventSettings settings, Clock clock) {
		this.incomplete = incomplete;
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	/** Resubmits every incomplete publication older than the retry age. */
	public void retryStale() {
		releaseAbandonedRetries();
		incomplete.resubmitIncompletePublicationsOlderThan(settings.retryAfter());
	}

	/**
	 * A retry whose process died stays RESUBMITTED, which the registry never resubmits again; after the retry age it
	 * counts as failed, so the next round takes it.
	 */
	private void releaseAbandonedRetries() {
		mongo.updateMulti(Query.query(where("status").is(Status.RESUBMITTED.name())
			.and("completionDate").is(null)
			.and("lastResubmissionDate").lt(clock.instant().minus(settings.retryAfter()))),
				Update.update("status", Status.FAILED.name()), PUBLICATIONS);
	}
}
