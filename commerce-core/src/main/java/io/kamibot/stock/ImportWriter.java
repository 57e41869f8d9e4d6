package io.kamibot.stock;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.kamibot.catalog.Sku;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.kamibot.stock.StockItems.*;

/**
 * Puts one import's batches on sale, one insert at a time, on a thread of its own: the next batch is read and sealed
 * while the database writes this one, instead of one waiting for the other. A batch is inserted only after the one
 * before it is written, so duplicates are found across batches exactly as in a single thread. Keeps the ids it gave
 * (12 bytes a code) so a refused file can be taken back.
 */
final class ImportWriter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ImportWriter.class);
	private static final int DUPLICATE_KEY = 11000;

	private final MongoCollection<Document> stock;
	private final Sku sku;
	private final String batchId;
	private final ExecutorService thread;
	private final ByteArrayOutputStream inserted = new ByteArrayOutputStream();
	private final List<Long> duplicateLines = new ArrayList<>();
	private Future<Written> inFlight;
	private long imported;
	private long duplicates;

	/** What one batch's insert did: codes on sale, and the lines of the duplicates it refused. */
	private record Written(int imported, List<Long> duplicateLines) {
	}

	ImportWriter(MongoCollection<Document> stock, Sku sku, String batchId) {
		this.stock = stock;
		this.sku = sku;
		this.batchId = batchId;
		this.thread = Executors.newSingleThreadExecutor(task -> {
			Thread writer = new Thread(task, "import-" + batchId);
			writer.setDaemon(true);
			return writer;
		});
	}

	/** Starts writing the batch once the one before it is written; {@code lines} are its items' line numbers. */
	void write(List<Document> batch, List<Long> lines) {
		finish();
		for (Document item : batch) {
			inserted.writeBytes(item.getObjectId("_id").toByteArray());
		}
		inFlight = thread.submit(() -> insert(batch, lines));
	}

	/** Returns once every batch is written, with the first failure of a write if there was one. */
	void finish() {
		if (inFlight == null) {
			return;
		}
		try {
			Written written = inFlight.get();
			imported += written.imported();
			duplicates += written.duplicateLines().size();
			for (Long line : written.duplicateLines()) {
				if (duplicateLines.size() < ImportReport.MAX_LISTED) {
					duplicateLines.add(line);
				}
			}
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("An import's write failed", e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while an import's codes were written", e);
		}
		finally {
			inFlight = null;
		}
	}

	private Written insert(List<Document> batch, List<Long> lines) {
		try {
			stock.insertMany(batch, new InsertManyOptions().ordered(false));
			return new Written(batch.size(), List.of());
		}
		catch (MongoBulkWriteException e) {
			List<Long> refused = new ArrayList<>();
			for (BulkWriteError error : e.getWriteErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw e;
				}
				refused.add(lines.get(error.getIndex()));
			}
			return new Written(batch.size() - refused.size(), refused);
		}
	}

	long imported() {
		return imported;
	}

	long duplicates() {
		return duplicates;
	}

	List<Long> duplicateLines() {
		return List.copyOf(duplicateLines);
	}

	/**
	 * Takes back the codes of a refused file that are still unsold, {@code batchSize} at a time by id, once the
	 * write under way is over; a code a buyer took meanwhile was a good code of the owner's and stays sold.
	 */
	void discard(int batchSize) {
		try {
			finish();
		}
		catch (RuntimeException e) {
			// The file is refused anyway; what that write put on sale is taken back with the rest.
			log.debug("A write of refused import {} failed too", batchId, e);
		}
		byte[] ids = inserted.toByteArray();
		long removed = 0;
		for (int start = 0; start < ids.length; start += 12 * batchSize) {
			List<ObjectId> chunk = new ArrayList<>(batchSize);
			for (int at = start; at < Math.min(ids.length, start + 12 * batchSize); at += 12) {
				chunk.add(new ObjectId(Arrays.copyOfRange(ids, at, at + 12)));
			}
			removed += stock.deleteMany(Filters.and(Filters.in("_id", chunk),
					Filters.eq(STATUS, StockStatus.AVAILABLE.name()), Filters.eq(BATCH, batchId))).getDeletedCount();
		}
		if (removed > 0) {
			log.info("Import {} for {} refused; took back the {} codes it had put on sale", batchId, sku, removed);
		}
	}

	@Override
	public void close() {
		thread.shutdown();
	}
}
