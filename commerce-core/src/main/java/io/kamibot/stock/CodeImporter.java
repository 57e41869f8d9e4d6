package io.kamibot.stock;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.kamibot.catalog.Sku;
import io.kamibot.stock.ImportReport.Reason;
import io.kamibot.stock.ImportReport.Rejection;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;

import static io.kamibot.stock.StockItems.*;

/**
 * One streaming import: parses and seals lines in batches and lets the unique index on the keyed hash find
 * duplicates, so neither the file nor the set of codes seen is ever held in memory.
 */
final class CodeImporter {

	static final int MAX_CODE_LENGTH = 256;
	private static final int MAX_LINE_LENGTH = 1024;
	private static final int BATCH_SIZE = 1000;
	private static final int DUPLICATE_KEY = 11000;

	private final MongoCollection<Document> stock;
	private final Vault vault;
	private final Clock clock;
	private final ZoneId zone;

	private final List<Document> pending = new ArrayList<>(BATCH_SIZE);
	private final List<Long> pendingLines = new ArrayList<>(BATCH_SIZE);
	private final List<Long> duplicateLines = new ArrayList<>();
	private final List<Rejection> rejected = new ArrayList<>();
	private long imported;
	private long duplicates;
	private long rejectedCount;

	CodeImporter(MongoCollection<Document> stock, Vault vault, Clock clock, ZoneId zone) {
		this.stock = stock;
		this.vault = vault;
		this.clock = clock;
		this.zone = zone;
	}

	ImportReport run(Sku sku, String batchId, Reader input) throws IOException {
		LineReader lines = new LineReader(input, MAX_LINE_LENGTH);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		long number = 0;
		for (String line = lines.next(); line != null; line = lines.next()) {
			number++;
			accept(sku, batchId, number, line, today, now);
			if (pending.size() == BATCH_SIZE) {
				flush();
			}
		}
		flush();
		return new ImportReport(batchId, imported, duplicates, List.copyOf(duplicateLines), List.copyOf(rejected),
				rejectedCount);
	}

	private void accept(Sku sku, String batchId, long number, String line, LocalDate today, Instant now) {
		if (line == LineReader.OVERLONG) {
			reject(number, Reason.TOO_LONG);
			return;
		}
		String code = line.strip();
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
		Sealed sealed = vault.seal(code);
		Document item = new Document(SKU, sku.value()).append(STATUS, StockStatus.AVAILABLE.name())
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
		int failed = 0;
		try {
			stock.insertMany(pending, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException e) {
			for (BulkWriteError error : e.getWriteErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw e;
				}
				failed++;
				duplicates++;
				if (duplicateLines.size() < ImportReport.MAX_LISTED) {
					duplicateLines.add(pendingLines.get(error.getIndex()));
				}
			}
		}
		imported += pending.size() - failed;
		pending.clear();
		pendingLines.clear();
	}
}
