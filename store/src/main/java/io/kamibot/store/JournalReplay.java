package io.kamibot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Reading the {@link Journal}'s files at start: the records newer than the store file's mark, applied in order. */
final class JournalReplay {

	private JournalReplay() {
	}

	/** What a replay does with each record newer than the last checkpoint. */
	interface Redo {

		void apply(JournalRecord record);
	}

	/**
	 * Applies the files' records after {@code checkpoint} in the order of their sequence numbers, each file up to its
	 * first torn or damaged record.
	 *
	 * @return the sequence number of the last record applied, or {@code checkpoint} when there was none
	 */
	static long replay(List<Path> paths, long checkpoint, Redo redo) {
		TreeMap<Long, JournalRecord> records = new TreeMap<>();
		for (Path path : paths) {
			if (Files.exists(path)) {
				ByteBuf data = Unpooled.wrappedBuffer(read(path));
				JournalRecord record = JournalRecord.read(data);
				while (record != null) {
					records.put(record.sequence(), record);
					record = JournalRecord.read(data);
				}
			}
		}
		long last = checkpoint;
		for (JournalRecord record : records.tailMap(checkpoint, false).values()) {
			redo.apply(record);
			last = record.sequence();
		}
		return last;
	}

	private static byte[] read(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The journal could not be read", e);
		}
	}
}
