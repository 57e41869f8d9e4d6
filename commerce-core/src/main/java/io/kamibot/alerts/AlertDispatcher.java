package io.kamibot.alerts;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Looks for queued alerts and hands each destination to a {@link DestinationQueue} on a sender thread: every tick
 * while anything is queued (a burst gathering, a send waiting out a limit or a retry), and, when nothing is, at once
 * when this instance raises an alert ({@link #nudge()}) and otherwise every idle tick, which finds what another
 * instance queued and left (it stopped before sending). An idle shop so costs a query every few seconds, not five a
 * second. Destinations are served side by side: a Telegram group waiting out a 429, or a robot webhook that hangs until its
 * timeout, holds up only its own queue. A destination has at most one send in flight per instance (and, by the
 * queue's lock, across instances), so its alerts keep their order.
 */
@Component
class AlertDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
	private static final int SCAN = 2000;
	private static final int SENDERS = 4;

	private final MongoTemplate mongo;
	private final DestinationQueue queue;
	private final AlertSettings settings;
	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
	private final BlockingQueue<Boolean> nudges = new ArrayBlockingQueue<>(1);
	private ExecutorService executor;
	private ExecutorService senders;
	private volatile boolean running;

	AlertDispatcher(MongoTemplate mongo, DestinationQueue queue, AlertSettings settings) {
		this.mongo = mongo;
		this.queue = queue;
		this.settings = settings;
	}

	Instant now() {
		return queue.now();
	}

	/** The destinations with something queued. */
	Set<String> waiting() {
		Query pending = Query.query(where("status").is(DeliveryStatus.PENDING)).limit(SCAN);
		pending.fields().include("destination");
		Set<String> destinations = new LinkedHashSet<>();
		mongo.find(pending, org.bson.Document.class, "alert_deliveries")
			.forEach(d -> destinations.add(d.getString("destination")));
		return destinations;
	}

	/** Looks for work now rather than at the next tick: this instance has just queued some. */
	void nudge() {
		nudges.offer(Boolean.TRUE);
	}

	/**
	 * Hands every destination with work and no send in flight to a sender thread.
	 *
	 * @return whether anything is queued
	 */
	private boolean tick() {
		Set<String> waiting = waiting();
		for (String destination : waiting) {
			if (!inFlight.add(destination)) {
				continue; // Still sending (or waiting out a limit) from an earlier tick.
			}
			try {
				senders.execute(() -> {
					try {
						queue.dispatch(destination);
					}
					catch (RuntimeException e) {
						if (running) {
							log.error("Dispatching alerts to {} failed; the next tick tries again", destination, e);
						}
					}
					finally {
						inFlight.remove(destination);
					}
				});
			}
			catch (RejectedExecutionException e) {
				inFlight.remove(destination); // Stopping.
			}
		}
		return !waiting.isEmpty();
	}

	@Override
	public void start() {
		running = true;
		executor = Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "alert-dispatcher");
			thread.setDaemon(true);
			return thread;
		});
		AtomicInteger threads = new AtomicInteger();
		senders = Executors.newFixedThreadPool(SENDERS, task -> {
			Thread thread = new Thread(task, "alert-sender-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		executor.execute(this::loop);
	}

	/**
	 * While alerts are queued, one look per tick whatever is raised meanwhile: a burst of sixty alerts, each waking the
	 * dispatcher at once, kept it looking between every two of them and slowed the burst it was waiting for.
	 */
	private void loop() {
		boolean busy = true;
		while (running) {
			try {
				if (busy) {
					Thread.sleep(settings.tick().toMillis());
					nudges.clear(); // Whatever was raised before this is seen by the look below.
				}
				else {
					nudges.poll(settings.idleTick().toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException e) {
				return; // Stopping.
			}
			busy = dispatchQuietly();
		}
	}

	/** @return whether anything is queued, or the look failed (so the next one comes at the next tick) */
	private boolean dispatchQuietly() {
		if (!queue.hasSinks()) {
			return false;
		}
		try {
			return tick();
		}
		catch (RuntimeException e) {
			if (running) {
				log.error("Dispatching alerts failed; the next tick tries again", e);
			}
			return true; // Stopping (Redis and MongoDB calls are interrupted; what was not sent stays queued), or failed.
		}
	}

	@Override
	public void stop() {
		running = false;
		for (ExecutorService pool : new ExecutorService[] { executor, senders }) {
			if (pool == null) {
				continue;
			}
			pool.shutdownNow();
			try {
				pool.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
