package io.kamibot.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.redisson.api.RLock;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends one destination's queued alerts. A destination is served by one instance at a time (a Redisson lock) within
 * its limit (a Redisson rate limiter shared by instances). When more alerts wait than the limit lets through, all
 * but one of the permits left go to single alerts and the last carries the rest as one digest, so a burst never
 * waits for the next window and nothing is dropped. A failed send is retried later, with growing delays, up to a
 * bound; after that the delivery is marked FAILED and logged, and stays in the feed.
 */
@Component
class DestinationQueue {

	private static final Logger log = LoggerFactory.getLogger(DestinationQueue.class);
	private static final int BATCH = 500;

	private final MongoTemplate mongo;
	private final RedissonClient redis;
	private final Map<String, AlertSink> sinks;
	private final AlertSettings settings;
	/** Wall time, not the shop's clock: waits and back-off are real time on every instance. */
	private final Clock wall = Clock.systemUTC();

	DestinationQueue(MongoTemplate mongo, RedissonClient redis, List<AlertSink> sinks, AlertSettings settings) {
		this.mongo = mongo;
		this.redis = redis;
		this.sinks = sinks.stream().collect(Collectors.toMap(AlertSink::channel, Function.identity()));
		this.settings = settings;
	}

	Instant now() {
		return wall.instant();
	}

	/** Whether some channel can be sent to from this instance. */
	boolean hasSinks() {
		return !sinks.isEmpty();
	}

	/** Sends what is due for the destination, unless another thread or instance is at it; returns how many went. */
	int dispatch(String destination) {
		int colon = destination.indexOf(':');
		AlertSink sink = sinks.get(destination.substring(0, colon));
		if (sink == null) {
			return 0; // The channel is not configured on this instance; another may serve it.
		}
		RLock lock = redis.getLock("kamibot:alerts:lock:" + destination);
		if (!lock.tryLock()) {
			return 0;
		}
		try {
			return send(sink, destination, destination.substring(colon + 1));
		}
		finally {
			lock.unlock();
		}
	}

	private int send(AlertSink sink, String destination, String target) {
		Instant now = now();
		List<AlertDelivery> due = mongo.find(Query
			.query(where("destination").is(destination).and("status").is(DeliveryStatus.PENDING).and("notBefore").lte(now))
			.with(Sort.by("queuedAt", "_id"))
			.limit(BATCH), AlertDelivery.class);
		if (due.isEmpty() || !settled(due, now)) {
			return 0;
		}
		String key = sink.rateKey(target);
		RRateLimiter limiter = redis.getRateLimiter(key != null ? key : "kamibot:alerts:rate:" + destination);
		limiter.trySetRate(RateType.OVERALL, sink.perMinute(), settings.window());
		long permits = limiter.availablePermits();
		if (permits <= 0) {
			return 0;
		}
		int singles = due.size() <= permits ? due.size() : (int) permits - 1;
		int sent = 0;
		for (AlertDelivery delivery : due.subList(0, singles)) {
			if (!limiter.tryAcquire()) {
				return sent;
			}
			List<Alert> alert = alerts(List.of(delivery));
			sent += attempt(List.of(delivery), false, () -> sink.send(target, alert.get(0)));
		}
		List<AlertDelivery> rest = due.subList(singles, due.size());
		if (!rest.isEmpty() && limiter.tryAcquire()) {
			List<Alert> alerts = alerts(rest);
			log.info("{} alerts for {} go out as one digest", rest.size(), destination);
			sent += attempt(rest, true, () -> sink.sendDigest(target, alerts));
		}
		return sent;
	}

	/**
	 * A burst is sent when it is over (nothing new for the group wait), or when its first alert has waited the
	 * longest wait, whichever comes first: a burst is seen whole, and a steady stream is not held up for good.
	 */
	private boolean settled(List<AlertDelivery> due, Instant now) {
		Instant newest = due.stream().map(AlertDelivery::queuedAt).max(Instant::compareTo).orElseThrow();
		return !newest.isAfter(now.minus(settings.groupWait()))
				|| !due.get(0).queuedAt().isAfter(now.minus(settings.maxWait()));
	}

	private List<Alert> alerts(List<AlertDelivery> deliveries) {
		List<String> ids = deliveries.stream().map(AlertDelivery::alertId).toList();
		Map<String, Alert> byId = mongo.find(Query.query(where("_id").in(ids)), Alert.class)
			.stream()
			.collect(Collectors.toMap(Alert::id, Function.identity()));
		return ids.stream().map(byId::get).filter(a -> a != null).toList();
	}

	private int attempt(List<AlertDelivery> deliveries, boolean digest, Runnable sending) {
		try {
			sending.run();
		}
		catch (RuntimeException e) {
			deliveries.forEach(d -> failed(d, e));
			return 0;
		}
		Instant now = now();
		for (AlertDelivery delivery : deliveries) {
			mongo.updateFirst(Query.query(where("_id").is(delivery.id()).and("status").is(DeliveryStatus.PENDING)),
					new Update().set("status", DeliveryStatus.SENT).set("sentAt", now).set("digest", digest)
						.inc("attempts", 1),
					AlertDelivery.class);
		}
		return deliveries.size();
	}

	private void failed(AlertDelivery delivery, RuntimeException e) {
		int attempts = delivery.attempts() + 1;
		// Messages of sink failures never carry a credential (sinks make sure), and alerts never a code.
		String error = String.valueOf(e.getMessage());
		Update update = new Update().set("attempts", attempts).set("lastError", error);
		if (attempts >= settings.maxAttempts()) {
			update.set("status", DeliveryStatus.FAILED);
			log.error("Alert {} could not be sent to {} after {} attempts: {}", delivery.alertId(),
					delivery.destination(), attempts, error);
		}
		else {
			Duration delay = settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 10));
			update.set("notBefore", now().plus(delay));
			log.warn("Alert {} to {} failed (attempt {}), trying again in {}: {}", delivery.alertId(),
					delivery.destination(), attempts, delay, error);
		}
		mongo.updateFirst(Query.query(where("_id").is(delivery.id()).and("status").is(DeliveryStatus.PENDING)), update,
				AlertDelivery.class);
	}
}
