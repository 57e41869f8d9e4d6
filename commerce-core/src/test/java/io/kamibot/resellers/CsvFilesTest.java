package io.kamibot.resellers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kamibot.stock.DatedCode;
import io.kamibot.wallet.EntryKind;
import io.kamibot.wallet.EntryState;
import io.kamibot.wallet.LedgerEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFilesTest {

	private final BulkOrder order = new BulkOrder("r/PO", "r", "PO", "K260302ABCDEFGH", "STEAM-100", 3, 300,
			BulkState.DONE, Instant.EPOCH, Instant.EPOCH);

	@Test
	void writesCodesWithABomAHeaderAndQuotedFieldsWhereNeeded() {
		ResellerFile file = CsvFiles.codes(order, List.of(new DatedCode("A-1", LocalDate.of(2026, 4, 1)),
				new DatedCode("B,2", null), new DatedCode("C\"3", null)), FileFormat.CSV);

		String text = new String(file.content(), StandardCharsets.UTF_8);
		assertThat(file.name()).isEqualTo("K260302ABCDEFGH.csv");
		assertThat(text).isEqualTo("\uFEFFcode,expires_on,order,sku\r\n" + "A-1,2026-04-01,K260302ABCDEFGH,STEAM-100\r\n"
				+ "\"B,2\",,K260302ABCDEFGH,STEAM-100\r\n" + "\"C\"\"3\",,K260302ABCDEFGH,STEAM-100\r\n");
	}

	@Test
	void writesOneCodeALineAsText() {
		ResellerFile file = CsvFiles.codes(order, List.of(new DatedCode("A-1", null), new DatedCode("B-2", null)),
				FileFormat.TXT);
		assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("A-1\r\nB-2\r\n");
		assertThat(file.mimeType()).startsWith("text/plain");
	}

	@Test
	void writesAStatementLineAnEntry() {
		LedgerEntry entry = new LedgerEntry("w/t1", "w", "t1", EntryKind.TOP_UP, 500, "bank, March", EntryState.APPLIED,
				1L, 500L, Instant.parse("2026-03-02T01:00:00Z"));
		String text = new String(CsvFiles.statement("r", "2026-03", List.of(entry)).content(), StandardCharsets.UTF_8);
		assertThat(text.lines().toList()).containsExactly("\uFEFFat,ref,kind,amount_fen,balance_after_fen,note",
				"2026-03-02T01:00:00Z,t1,TOP_UP,500,500,\"bank, March\"");
	}

	@Test
	void writesWhatASpreadsheetWouldRunAsTextButNumbersAsTheyAre() {
		ResellerFile codes = CsvFiles.codes(order, List.of(new DatedCode("=1+1", null),
				new DatedCode("+1", null), new DatedCode("@SUM(A1)", null), new DatedCode("-2", null)), FileFormat.CSV);
		assertThat(new String(codes.content(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",")[0]))
			.containsExactly("'=1+1", "'+1", "'@SUM(A1)", "'-2");

		LedgerEntry debit = new LedgerEntry("w/t2", "w", "=cmd|' /C calc'!A0", EntryKind.TOP_UP, -500, "-note",
				EntryState.APPLIED, 2L, -300L, Instant.parse("2026-03-02T01:00:00Z"));
		String statement = new String(CsvFiles.statement("r", "2026-03", List.of(debit)).content(),
				StandardCharsets.UTF_8);
		assertThat(statement.lines().skip(1)).containsExactly(
				"2026-03-02T01:00:00Z,'=cmd|' /C calc'!A0,TOP_UP,-500,-300,'-note");
	}

	@Test
	void leavesTextFilesAsTheCodesAre() {
		ResellerFile file = CsvFiles.codes(order, List.of(new DatedCode("=1+1", null)), FileFormat.TXT);
		assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("=1+1\r\n");
	}
}
