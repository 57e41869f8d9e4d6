package io.kamibot.store;

import java.util.AbstractMap;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A commit writes documents while commands run, and the server updates stored documents in place: a document that
 * changes under the encoder is encoded again, not a failed commit (which would close the store).
 */
class DocumentTypeTest {

	@Test
	void encodesAgainADocumentThatChangedWhileItWasWritten() {
		Document document = new Document("_id", 1).append("fields", new ChangingMap(3));
		WriteBuffer buffer = new WriteBuffer();

		DocumentType.INSTANCE.write(buffer, document);

		Document read = DocumentType.INSTANCE.read(buffer.getBuffer().flip());
		assertThat(read).isEqualTo(new Document("_id", 1).append("fields", new Document("status", "PAID")));
	}

	@Test
	void givesUpOnADocumentThatNeverStopsChanging() {
		Document document = new Document("_id", 1).append("fields", new ChangingMap(Integer.MAX_VALUE));

		assertThatThrownBy(() -> DocumentType.INSTANCE.write(new WriteBuffer(), document))
			.isInstanceOf(ConcurrentModificationException.class);
	}

	/** Throws as an iterated map changed by another thread does, for the first {@code changes} iterations. */
	private static final class ChangingMap extends AbstractMap<String, Object> {

		private final Map<String, Object> fields = new LinkedHashMap<>(Map.of("status", "PAID"));
		private final AtomicInteger changes;

		ChangingMap(int changes) {
			this.changes = new AtomicInteger(changes);
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return fields.entrySet();
		}

		@Override
		public Set<String> keySet() {
			if (changes.getAndDecrement() > 0) {
				throw new ConcurrentModificationException();
			}
			return fields.keySet();
		}
	}
}
