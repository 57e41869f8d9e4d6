package io.kamibot.stock;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The record of one import: what came from where, when, and what became of it. */
@Document("stock_imports")
record ImportBatch(@Id String id, String sku, String source, Instant startedAt, Instant finishedAt,
		long imported, long duplicates, long rejected) {
}
