package io.kamibot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An alert sink that records what it was given and can be told to fail or hang for a target. */
public class RecordingSink implements AlertSink {

	/** One message sent: a single alert or a digest. */
	public record Sent(String target, List<String> alertIds, boolean digest) {
	}

	private final List<Sent> sent = new ArrayList<>();
	private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
	private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
	private final Set<String> hanging = ConcurrentHashMap.newKeySet();

	@Override
	public String channel() {
		return "test";
	}

	@Override
	public void send(String target, Alert alert) {
		fail(target);
		record(new Sent(target, List.of(alert.id()), false));
	}

	@Override
	public void sendDigest(String target, List<Alert> alerts) {
		fail(target);
		record(new Sent(target, alerts.stream().map(Alert::id).toList(), true));
	}

	/**
	 * Sends to the target hang, as a webhook that does not answer, until the returned latch is counted down (or
	 * 30 s pass).
	 */
	public CountDownLatch hold(String target) {
		CountDownLatch latch = new CountDownLatch(1);
		holds.put(target, latch);
		return latch;
	}

	/** Whether a send to the target is hanging right now. */
	public boolean isHanging(String target) {
		return hanging.contains(target);
	}

	/** The next {@code times} sends to the target fail. */
	public void failNext(String target, int times) {
		failures.put(target, new AtomicInteger(times));
	}

	public synchronized List<Sent> sentTo(String target) {
		return sent.stream().filter(s -> s.target().equals(target)).toList();
	}

	private synchronized void record(Sent message) {
		sent.add(message);
	}

	private void fail(String target) {
		CountDownLatch hold = holds.get(target);
		if (hold != null) {
			hanging.add(target);
			try {
				hold.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", e);
			}
			finally {
				hanging.remove(target);
			}
		}
		AtomicInteger left = failures.get(target);
		if (left != null && left.getAndDecrement() > 0) {
			throw new IllegalStateException("target " + target + " is down");
		}
	}
}
