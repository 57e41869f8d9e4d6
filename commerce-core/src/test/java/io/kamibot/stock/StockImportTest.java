package io.kamibot.stock;

import java.time.LocalDate;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.catalog.UnknownProduct;
import io.kamibot.stock.ImportReport.Reason;
import io.kamibot.stock.ImportReport.Rejection;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static io.kamibot.testing.Codes.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CoreTest
class StockImportTest {

	private static int next;

	@Autowired
	Stock stock;

	@Autowired
	Catalog catalog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	private Sku sku;

	@BeforeEach
	void product() {
		sku = new Sku("IMPORT-" + next++);
		catalog.save(sku, new ProductDraft("Import test", null, null, 100L, null, true, 10, 0));
	}

	@Test
	void reportsDuplicatesAndBadLinesWithTheirLineNumbers() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
		String file = String.join("\n",
				"AAA-1", // 1
				"AAA-2," + today.plusDays(30), // 2
				"", // 3 blank
				"AAA-1", // 4 duplicate within the file
				"AAA-3,2024-13-45", // 5 bad date
				"AAA-4," + today.minusDays(1), // 6 expired
				"X".repeat(300), // 7 too long
				"  AAA-5  ", // 8 trimmed
				"AAA-6," + today) + "\n"; // 9 still sellable today

		ImportReport report = stock.importCodes(sku, stream(file), "test");

		assertThat(report.imported()).isEqualTo(4);
		assertThat(report.duplicates()).isEqualTo(1);
		assertThat(report.duplicateLines()).containsExactly(4L);
		assertThat(report.rejected()).containsExactly(new Rejection(3, Reason.BLANK),
				new Rejection(5, Reason.BAD_DATE), new Rejection(6, Reason.EXPIRED),
				new Rejection(7, Reason.TOO_LONG));
		assertThat(report.rejectedCount()).isEqualTo(4);
		assertThat(stock.levels(sku).available()).isEqualTo(4);
	}

	@Test
	void refusesCodesAlreadyInStockFromAnEarlierImport() {
		stock.importCodes(sku, stream("B-1\nB-2\n"), "first");
		ImportReport second = stock.importCodes(sku, stream("B-2\nB-3\n"), "second");
		assertThat(second.imported()).isEqualTo(1);
		assertThat(second.duplicateLines()).containsExactly(1L);
	}

	@Test
	void recordsEachImportBatch() {
		ImportReport report = stock.importCodes(sku, stream("C-1\nC-2\n"), "admin-api");
		ImportBatch batch = mongo.findById(report.batchId(), ImportBatch.class);
		assertThat(batch).isNotNull();
		assertThat(batch.source()).isEqualTo("admin-api");
		assertThat(batch.imported()).isEqualTo(2);
		assertThat(batch.sku()).isEqualTo(sku.value());
	}

	@Test
	void storesCodesOnlyEncrypted() {
		stock.importCodes(sku, stream("PLAINTEXT-CANARY-7\n"), "test");
		String everything = mongo.getCollection("stock").find().into(new java.util.ArrayList<>()).toString();
		assertThat(everything).doesNotContain("PLAINTEXT-CANARY-7");
	}

	@Test
	void refusesImportsForUnknownProducts() {
		assertThatThrownBy(() -> stock.importCodes(new Sku("NOPE"), stream("Z-1\n"), "test"))
			.isInstanceOf(UnknownProduct.class);
	}

	@Test
	void importsABatchLargerThanOneInsert() {
		StringBuilder file = new StringBuilder();
		for (int i = 0; i < 2500; i++) {
			file.append("BULK-").append(i).append('\n');
		}
		file.append("BULK-17\n");
		ImportReport report = stock.importCodes(sku, stream(file.toString()), "test");
		assertThat(report.imported()).isEqualTo(2500);
		assertThat(report.duplicateLines()).containsExactly(2501L);
	}
}
