package io.kamibot.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes entries of busy actions (redemptions, thousands a second at a partner) a batch at a time on a thread of
 * its own, so each action costs its own write only: an entry is in the log within moments. The action itself is the
 * durable record (a redeemed code keeps when and by whom); a crash may lose the entries of its last moments, never
 * the action. Bounded: when the queue is full, the caller writes its entry itself.
 */
@Component
class AuditBatches implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditBatches.class);
	private static final int MAX_QUEUED = 100_000;
	private static final int MAX_BATCH = 1_000;

	private final MongoTemplate mongo;
	private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
	private final Thread writer;
	private volatile boolean running = true;

	AuditBatches(MongoTemplate mongo) {
		this.mongo = mongo;
		this.writer = new Thread(this::run, "audit-batches");
		writer.setDaemon(true);
		writer.start();
	}

	void add(AuditEntry entry) {
		if (!queue.offer(entry)) {
			mongo.insert(entry);
		}
	}

	private void run() {
		while (running || !queue.isEmpty()) {
			try {
				AuditEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					List<AuditEntry> batch = new ArrayList<>();
					batch.add(first);
					queue.drainTo(batch, MAX_BATCH - 1);
					write(batch);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void write(List<AuditEntry> batch) {
		try {
			mongo.insertAll(batch);
		}
		catch (RuntimeException e) {
			// Logged with the count only: the actions themselves are recorded where they happened.
			log.error("Could not write {} audit entries: {}", batch.size(), e.getMessage());
		}
	}

	/** Writes what is queued before the database goes away. */
	@Override
	public void destroy() throws InterruptedException {
		running = false;
		writer.join(10_000);
	}
}
