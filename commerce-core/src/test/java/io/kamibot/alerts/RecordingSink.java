package io.kamibot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An alert sink that records what it was given and can be told to fail for a target. */
public class RecordingSink implements AlertSink {

	/** One message sent: a single alert or a digest. */
	public record Sent(String target, List<String> alertIds, boolean digest) {
	}

	private final List<Sent> sent = new ArrayList<>();
	private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

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
		AtomicInteger left = failures.get(target);
		if (left != null && left.getAndDecrement() > 0) {
			throw new IllegalStateException("target " + target + " is down");
		}
	}
}
