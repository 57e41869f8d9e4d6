package io.kamibot.stock;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import io.kamibot.catalog.Sku;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import static io.kamibot.stock.StockItems.*;

/**
 * Generates one batch of the shop's own codes and puts them on sale through the import's writer: batches of a
 * thousand sealed and inserted while the next is made, duplicates refused by the unique keyed hash. A duplicate is
 * as good as impossible (31^15 codes of 16 characters), but the count asked for is the count made: one refused is
 * made again.
 */
final class VoucherMint {

	private static final int BATCH_SIZE = 1000;
	/** Bounds the loop that makes up for refused duplicates; more rounds would mean a broken random source. */
	private static final int MAX_ROUNDS = 5;

	private final MongoCollection<Document> stock;
	private final Vault vault;
	private final SecureRandom random;

	VoucherMint(MongoCollection<Document> stock, Vault vault, SecureRandom random) {
		this.stock = stock;
		this.vault = vault;
		this.random = random;
	}

	/** Makes {@code count} codes of {@code length} characters; returns how many are on sale (all of them). */
	long mint(Sku sku, String batchId, int count, int length, Instant expiresAt, Instant now) {
		long made = 0;
		try (ImportWriter writer = new ImportWriter(stock, sku, batchId)) {
			try {
				for (int round = 0; round < MAX_ROUNDS && made < count; round++) {
					writeBatches(writer, sku, batchId, count - made, length, expiresAt, now);
					writer.finish();
					made = writer.imported();
				}
			}
			catch (RuntimeException e) {
				writer.discard(BATCH_SIZE);
				throw e;
			}
			if (made < count) {
				writer.discard(BATCH_SIZE);
				throw new IllegalStateException("The random source repeats itself: " + writer.duplicates()
						+ " duplicate codes in " + count);
			}
		}
		return made;
	}

	private void writeBatches(ImportWriter writer, Sku sku, String batchId, long count, int length,
			Instant expiresAt, Instant now) {
		List<Document> batch = new ArrayList<>(BATCH_SIZE);
		List<Long> lines = new ArrayList<>(BATCH_SIZE);
		for (long i = 0; i < count; i++) {
			batch.add(item(sku, batchId, VoucherCode.generate(random, length), expiresAt, now));
			lines.add(i + 1);
			if (batch.size() == BATCH_SIZE) {
				writer.write(batch, lines);
				batch = new ArrayList<>(BATCH_SIZE);
				lines = new ArrayList<>(BATCH_SIZE);
			}
		}
		if (!batch.isEmpty()) {
			writer.write(batch, lines);
		}
	}

	private Document item(Sku sku, String batchId, String code, Instant expiresAt, Instant now) {
		Sealed sealed = vault.seal(code);
		Date changed = Date.from(now);
		return new Document("_id", new ObjectId()).append(SKU, sku.value())
			.append(STATUS, StockStatus.AVAILABLE.name())
			.append(LOOKUP, vault.fingerprint(VoucherCode.normalise(code)))
			.append(KEY_ID, sealed.keyId())
			.append(CIPHER, new Binary(sealed.data()))
			.append(BATCH, batchId)
			.append(ISSUER, SHOP)
			.append(EXPIRES_AT, expiresAt == null ? null : Date.from(expiresAt))
			.append(SELL_BY, expiresAt == null ? NEVER : Date.from(expiresAt))
			.append(IMPORTED_AT, changed)
			.append(CHANGED_AT, changed);
	}
}
