package io.kamibot.stock;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import io.kamibot.catalog.Sku;
import io.kamibot.stock.ImportReport.Reason;
import io.kamibot.stock.ImportReport.Rejection;
import io.kamibot.stock.LineReader.Line;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import static io.kamibot.stock.StockItems.*;

/**
 * One streaming import: parses and seals lines in batches and lets the unique index on the keyed hash find
 * duplicates, so neither the file nor the set of codes seen is ever held in memory. Each batch goes on sale as it
 * is inserted (one write per code, by {@link ImportWriter} while the next batch is sealed); a file refused on the way
 * (too large, not text, broken off) takes back every code of it still unsold, by the ids this import gave them.
 * Random bytes are refused within their first lines, before anything is inserted.
 */
final class CodeImporter {

	static final int MAX_CODE_LENGTH = 256;
	/** Room for a code with its date in any script (up to 4 bytes a character), and a bound on memory. */
	private static final int MAX_LINE_BYTES = 4096;
	/**
	 * A file is refused as not text as soon as at least this many of its lines are garbled (not UTF-8, or holding
	 * control characters) and they are more than one in {@link #GARBLED_SHARE} of the lines read so far. Random
	 * bytes meet this within their first few lines; a text file with a stray bad line gets it reported instead.
	 */
	static final int GARBLED_LINES = 8;
	static final int GARBLED_SHARE = 10;
	private static final int BATCH_SIZE = 1000;

	private final Vault vault;
	private final Clock clock;
	private final ZoneId zone;
	private final Sku sku;
	private final String batchId;

	private final List<Rejection> rejected = new ArrayList<>();
	private final ImportWriter writer;
	private List<Document> pending = new ArrayList<>(BATCH_SIZE);
	private List<Long> pendingLines = new ArrayList<>(BATCH_SIZE);
	private long rejectedCount;
	private long garbled;

	CodeImporter(MongoCollection<Document> stock, Vault vault, Clock clock, ZoneId zone, Sku sku, String batchId) {
		this.vault = vault;
		this.clock = clock;
		this.zone = zone;
		this.sku = sku;
		this.batchId = batchId;
		this.writer = new ImportWriter(stock, sku, batchId);
	}

	/**
	 * Reads the whole input, putting its codes on sale batch by batch.
	 *
	 * @throws NotText when the input turns out to be binary; none of it stays on sale
	 * @throws ImportTooLarge when the input passes its limit; none of it stays on sale
	 */
	ImportReport run(InputStream input) throws IOException {
		try (writer) {
			try {
				read(input);
				writer.finish();
			}
			catch (IOException | RuntimeException e) {
				try {
					writer.discard(BATCH_SIZE);
				}
				catch (RuntimeException failed) {
					// Some of its codes stay on sale: the log says how the take-back failed.
					e.addSuppressed(failed);
				}
				throw e;
			}
		}
		return new ImportReport(batchId, writer.imported(), writer.duplicates(), writer.duplicateLines(),
				List.copyOf(rejected), rejectedCount);
	}

	private void read(InputStream input) throws IOException {
		LineReader lines = new LineReader(input, MAX_LINE_BYTES);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		long number = 0;
		for (Line line = lines.next(); line != null; line = lines.next()) {
			number++;
			if (line.garbled() && ++garbled >= GARBLED_LINES && garbled * GARBLED_SHARE > number) {
				throw new NotText(number, garbled);
			}
			accept(number, line, today, now);
			if (pending.size() == BATCH_SIZE) {
				flush();
			}
		}
		flush();
	}

	private void accept(long number, Line line, LocalDate today, Instant now) {
		if (line.unreadable() != null) {
			reject(number, line.unreadable());
			return;
		}
		String code = line.text().strip();
		Instant expiresAt = null;
		int comma = code.lastIndexOf(',');
		if (comma >= 0) {
			LocalDate date;
			try {
				date = LocalDate.parse(code.substring(comma + 1).strip());
			}
			catch (DateTimeParseException e) {
				reject(number, Reason.BAD_DATE);
				return;
			}
			if (date.isBefore(today)) {
				reject(number, Reason.EXPIRED);
				return;
			}
			// A code dated D may be sold through the whole of day D in the shop's zone.
			expiresAt = date.plusDays(1).atStartOfDay(zone).toInstant();
			code = code.substring(0, comma).strip();
		}
		if (code.isEmpty()) {
			reject(number, Reason.BLANK);
			return;
		}
		if (code.length() > MAX_CODE_LENGTH) {
			reject(number, Reason.TOO_LONG);
			return;
		}
		if (code.indexOf('\t') >= 0) {
			reject(number, Reason.CONTROL_CHARACTER);
			return;
		}
		Sealed sealed = vault.seal(code);
		Document item = new Document("_id", new ObjectId()).append(SKU, sku.value())
			.append(STATUS, StockStatus.AVAILABLE.name())
			.append(LOOKUP, vault.fingerprint(code))
			.append(KEY_ID, sealed.keyId())
			.append(CIPHER, new Binary(sealed.data()))
			.append(BATCH, batchId)
			.append(EXPIRES_AT, expiresAt == null ? null : Date.from(expiresAt))
			.append(SELL_BY, expiresAt == null ? NEVER : Date.from(expiresAt))
			.append(IMPORTED_AT, Date.from(now))
			.append(CHANGED_AT, Date.from(now));
		pending.add(item);
		pendingLines.add(number);
	}

	private void reject(long line, Reason reason) {
		rejectedCount++;
		if (rejected.size() < ImportReport.MAX_LISTED) {
			rejected.add(new Rejection(line, reason));
		}
	}

	private void flush() {
		if (pending.isEmpty()) {
			return;
		}
		writer.write(pending, pendingLines);
		pending = new ArrayList<>(BATCH_SIZE);
		pendingLines = new ArrayList<>(BATCH_SIZE);
	}
}
