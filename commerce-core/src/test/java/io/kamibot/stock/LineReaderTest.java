package io.kamibot.stock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.kamibot.stock.ImportReport.Reason;
import io.kamibot.stock.LineReader.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

	@Test
	void splitsOnUnixAndWindowsLineEndsAndDropsTheByteOrderMark() throws IOException {
		assertThat(texts(read("\uFEFFa\r\nb\nc", 10))).containsExactly("a", "b", "c");
	}

	@Test
	void keepsEmptyLinesButNotAFinalLineBreak() throws IOException {
		assertThat(texts(read("a\n\nb\n", 10))).containsExactly("a", "", "b");
	}

	@Test
	void reportsOverlongLinesWithoutKeepingThem() throws IOException {
		List<Line> lines = read("short\n" + "x".repeat(100_000) + "\nnext", 8);
		assertThat(lines).containsExactly(new Line("short", null), new Line(null, Reason.TOO_LONG),
				new Line("next", null));
	}

	@Test
	void decodesMultibyteTextAcrossReadBuffers() throws IOException {
		String file = "a\n".repeat(4095) + "测试卡密\n"; // the Chinese line straddles the first 8,192 bytes
		List<Line> lines = read(file, 64);
		assertThat(lines).hasSize(4096);
		assertThat(lines.get(4095)).isEqualTo(new Line("测试卡密", null));
	}

	@Test
	void reportsBytesThatAreNotUtf8ForTheirLineOnly() throws IOException {
		byte[] file = bytes("ok-1\n", new byte[] { 'x', (byte) 0xC3, '(' }, "\n",
				new byte[] { (byte) 0xC0, (byte) 0x80 }, "\n", // an overlong encoding of NUL
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "\n", // a surrogate encoded on its own
				new byte[] { (byte) 0xE6, (byte) 0xB5 }, "\n", // a character cut short
				"ok-2\n");
		assertThat(read(file, 64)).containsExactly(new Line("ok-1", null), new Line(null, Reason.INVALID_UTF8),
				new Line(null, Reason.INVALID_UTF8), new Line(null, Reason.INVALID_UTF8),
				new Line(null, Reason.INVALID_UTF8), new Line("ok-2", null));
	}

	@Test
	void reportsControlAndInvisibleCharactersButLetsTabsSeparate() throws IOException {
		List<Line> lines = read("nul\u0000\nbell\u0007\ndel\u007F\nnext\u0085line\nzero\u200Bwidth\nrtl\u202Eedoc\n"
				+ "\tfine,2099-01-01\t\n", 64);
		assertThat(lines.subList(0, 6)).allSatisfy(line -> assertThat(line.unreadable())
			.isEqualTo(Reason.CONTROL_CHARACTER));
		assertThat(lines.get(6)).isEqualTo(new Line("\tfine,2099-01-01\t", null));
	}

	@Test
	void countsAnOverlongRunOfControlBytesAsGarbled() throws IOException {
		List<Line> lines = read(new byte[100_000], 64);
		assertThat(lines).containsExactly(new Line(null, Reason.CONTROL_CHARACTER));
		assertThat(lines.get(0).garbled()).isTrue();
	}

	private static List<Line> read(String text, int maxBytes) throws IOException {
		return read(text.getBytes(StandardCharsets.UTF_8), maxBytes);
	}

	private static List<Line> read(byte[] bytes, int maxBytes) throws IOException {
		LineReader reader = new LineReader(new ByteArrayInputStream(bytes), maxBytes);
		List<Line> lines = new ArrayList<>();
		for (Line line = reader.next(); line != null; line = reader.next()) {
			lines.add(line);
		}
		return lines;
	}

	private static List<String> texts(List<Line> lines) {
		return lines.stream().map(Line::text).toList();
	}

	private static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			out.writeBytes(part instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) part);
		}
		return out.toByteArray();
	}
}
