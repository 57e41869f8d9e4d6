package io.kamibot.stock;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

	@Test
	void splitsOnUnixAndWindowsLineEndsAndDropsTheByteOrderMark() throws IOException {
		assertThat(read("\uFEFFa\r\nb\nc", 10)).containsExactly("a", "b", "c");
	}

	@Test
	void keepsEmptyLinesButNotAFinalLineBreak() throws IOException {
		assertThat(read("a\n\nb\n", 10)).containsExactly("a", "", "b");
	}

	@Test
	void reportsOverlongLinesWithoutKeepingThem() throws IOException {
		List<String> lines = read("short\n" + "x".repeat(100_000) + "\nnext", 8);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).isSameAs(LineReader.OVERLONG);
		assertThat(lines.get(2)).isEqualTo("next");
	}

	private static List<String> read(String text, int max) throws IOException {
		LineReader reader = new LineReader(new StringReader(text), max);
		List<String> lines = new ArrayList<>();
		for (String line = reader.next(); line != null; line = reader.next()) {
			lines.add(line);
		}
		return lines;
	}
}
