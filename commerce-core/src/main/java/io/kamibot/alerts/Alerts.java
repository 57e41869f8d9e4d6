package io.kamibot.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Raises alerts and keeps the list of admin destinations. An alert is stored before anything is sent and queued
 * once per destination; {@link AlertDispatcher} sends the queue.
 */
@Service
@EnableConfigurationProperties(AlertSettings.class)
public class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	private final MongoTemplate mongo;
	private final List<AlertSink> sinks;
	private final Clock clock;
	private final AlertDispatcher dispatcher;

	Alerts(MongoTemplate mongo, List<AlertSink> sinks, Clock clock, AlertDispatcher dispatcher) {
		this.mongo = mongo;
		this.sinks = List.copyOf(sinks);
		this.clock = clock;
		this.dispatcher = dispatcher;
	}

	/** Raises an alert without an image; see {@link #raise(AlertType, String, List, List, byte[])}. */
	public Optional<Alert> raise(AlertType type, String key, List<String> args, List<AlertAction> actions) {
		return raise(type, key, args, actions, null);
	}

	/**
	 * Stores the alert and queues it for every admin destination known now.
	 *
	 * @param key unique key, or {@code null}; an alert whose key was raised before is not raised again
	 * @return the alert, or empty when its key was raised before
	 */
	public Optional<Alert> raise(AlertType type, String key, List<String> args, List<AlertAction> actions,
			byte[] image) {
		Alert alert = new Alert(new ObjectId().toHexString(), key, type, args, actions, image, clock.instant());
		try {
			mongo.insert(alert);
		}
		catch (DuplicateKeyException e) {
			return Optional.empty();
		}
		List<String> destinations = destinations();
		Instant queued = dispatcher.now();
		for (String destination : destinations) {
			try {
				mongo.insert(new AlertDelivery(alert.id() + "@" + destination, alert.id(), destination,
						DeliveryStatus.PENDING, 0, queued, queued, null, false, null));
			}
			catch (DuplicateKeyException e) {
				// Queued already.
			}
		}
		dispatcher.nudge();
		log.info("Alert {} {} queued for {} destinations", alert.id(), type, destinations.size());
		return Optional.of(alert);
	}

	/**
	 * Makes a chat an admin destination; says whether it was new.
	 *
	 * @param registeredBy the admin who asked, for the record
	 */
	public boolean register(String channel, String target, String registeredBy) {
		try {
			mongo.insert(new AdminDestination(channel + ":" + target, channel, target, registeredBy, clock.instant()));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** Every destination alerts go to now: registered chats and configured robots. */
	public List<String> destinations() {
		List<String> all = new ArrayList<>();
		mongo.findAll(AdminDestination.class).stream()
			.filter(d -> sinks.stream().anyMatch(s -> s.channel().equals(d.channel())))
			.forEach(d -> all.add(d.id()));
		for (AlertSink sink : sinks) {
			sink.configuredTargets().forEach(target -> all.add(sink.channel() + ":" + target));
		}
		return all;
	}

	/** The admin feed: the latest alerts, newest first. */
	public List<Alert> recent(int limit) {
		return mongo.find(new Query().with(Sort.by(Direction.DESC, "at")).limit(limit), Alert.class);
	}

	/** Deliveries in each state, for the admin feed: nothing failed or waiting goes unnoticed. */
	public DeliveryCounts deliveryCounts() {
		return new DeliveryCounts(count(DeliveryStatus.PENDING), count(DeliveryStatus.SENT), count(DeliveryStatus.FAILED));
	}

	private long count(DeliveryStatus status) {
		return mongo.count(Query.query(where("status").is(status)), AlertDelivery.class);
	}

	/** Where each of these alerts is on its way to each of its destinations, for the admin feed. */
	public List<DeliveryState> deliveries(Collection<String> alertIds) {
		return mongo.find(Query.query(where("alertId").in(alertIds)), AlertDelivery.class)
			.stream()
			.map(d -> new DeliveryState(d.alertId(), d.destination(), d.status(), d.attempts(), d.digest(),
					d.sentAt(), d.lastError()))
			.toList();
	}

	/**
	 * One alert's delivery to one destination.
	 *
	 * @param destination {@code <channel>:<chat id>}, or {@code wecom:<robot name>} (never a robot's key)
	 * @param digest whether it went out inside a digest
	 * @param sentAt when the destination took it, or {@code null}
	 * @param lastError why the last attempt failed, or {@code null}
	 */
	public record DeliveryState(String alertId, String destination, DeliveryStatus status, int attempts, boolean digest,
			Instant sentAt, String lastError) {
	}

	/** How many alert deliveries wait, went out, or failed for good. */
	public record DeliveryCounts(long pending, long sent, long failed) {
	}
}
