package io.kamibot.stock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.catalog.UnknownProduct;
import io.kamibot.testing.Codes;
import io.kamibot.stock.ImportReport.Reason;
import io.kamibot.stock.ImportReport.Rejection;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

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

	@Test
	void refusesRandomBytesWholeAndPutsNothingOnSale() {
		byte[] noise = new byte[1024 * 1024];
		new Random(7).nextBytes(noise);

		assertThatThrownBy(() -> stock.importCodes(sku, new ByteArrayInputStream(noise), "test"))
			.isInstanceOf(NotText.class);

		assertThat(codesOfSku()).as("nothing staged is left behind").isZero();
		assertThat(mongo.count(Query.query(Criteria.where("sku").is(sku.value())), ImportBatch.class)).isZero();
	}

	@Test
	void reportsAFewGarbledLinesOfATextFileOneByOne() {
		StringBuilder file = new StringBuilder(Codes.lines("FEW", 63));
		for (int i = 0; i < CodeImporter.GARBLED_LINES - 1; i++) {
			file.append("FEW-BAD-").append(i).append('\u0000').append('\n'); // lines 64-70
		}
		ImportReport report = stock.importCodes(sku, stream(file.toString()), "test");
		assertThat(report.imported()).isEqualTo(63);
		assertThat(report.rejected()).hasSize(7).allMatch(r -> r.reason() == Reason.CONTROL_CHARACTER);
		assertThat(report.rejected().get(0).line()).isEqualTo(64);
	}

	@Test
	void refusesAFileAsNotTextOnceGarbledLinesPassTheRule() {
		// 8 garbled lines among 70: more than one in ten of the lines read when the eighth comes.
		StringBuilder file = new StringBuilder(Codes.lines("RULE", 62));
		for (int i = 0; i < CodeImporter.GARBLED_LINES; i++) {
			file.append("RULE-BAD-").append(i).append('\u0000').append('\n');
		}
		file.append(Codes.lines("RULE-AFTER", 2000));
		assertThatThrownBy(() -> stock.importCodes(sku, stream(file.toString()), "test"))
			.isInstanceOfSatisfying(NotText.class, e -> assertThat(e.lines()).isEqualTo(70));
		assertThat(codesOfSku()).isZero();
	}

	@Test
	void refusesAnInputPastItsLimitAndKeepsNothingOfIt() {
		String file = Codes.lines("LIMIT", 2500); // 2,500 lines of 11 bytes, more than one insert batch
		int size = file.getBytes(StandardCharsets.UTF_8).length;

		assertThatThrownBy(() -> stock.importCodes(sku, stream(file), "test", size - 1))
			.isInstanceOf(ImportTooLarge.class);
		assertThat(codesOfSku()).isZero();

		ImportReport exact = stock.importCodes(sku, stream(file), "test", size);
		assertThat(exact.imported()).as("the refused codes were removed, so they are no duplicates").isEqualTo(2500);
	}

	@Test
	void sellsEachBatchAsItIsReadAndABrokenUploadTakesBackWhatIsUnsold() throws Exception {
		Paused broken = new Paused(Codes.lines("BROKEN", 1500), true); // 1,000 inserted before the pause
		CompletableFuture<ImportReport> running = CompletableFuture.supplyAsync(() -> stock.importCodes(sku, broken,
				"test"));
		broken.awaitPause();
		// The first batch is written while the upload waits: it goes on sale without the rest.
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(stock.available(sku)).as("the first batch sells while the rest uploads")
				.isEqualTo(1000));
		stock.reserve(sku, "K-HOLDS-ONE", 1);

		broken.resume();
		assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(UncheckedIOException.class);
		assertThat(stock.available(sku)).isZero();
		assertThat(codesOfSku()).as("the code a buyer holds stays his").isEqualTo(1);
	}

	private long codesOfSku() {
		return mongo.count(Query.query(Criteria.where("sku").is(sku.value())), "stock");
	}

	/** Gives the text, then waits in the next read until resumed; then ends, or fails like a dropped upload. */
	private static final class Paused extends InputStream {

		private final InputStream head;
		private final boolean fail;
		private final CountDownLatch paused = new CountDownLatch(1);
		private final CountDownLatch resumed = new CountDownLatch(1);

		Paused(String text, boolean fail) {
			this.head = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
			this.fail = fail;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = head.read(buffer, offset, length);
			if (n > 0) {
				return n;
			}
			paused.countDown();
			try {
				resumed.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException(e);
			}
			if (fail) {
				throw new IOException("connection reset");
			}
			return -1;
		}

		void awaitPause() throws InterruptedException {
			assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
		}

		void resume() {
			resumed.countDown();
		}
	}
}
