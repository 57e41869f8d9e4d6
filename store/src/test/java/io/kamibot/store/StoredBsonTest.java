package io.kamibot.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's reader of stored documents ({@link StoredBson}) against the server's decoder, over random documents of
 * every type, nested and in arrays: the same fields in the same order with values of the same classes; field names
 * shared between documents; a document at an offset inside a page read from there.
 */
class StoredBsonTest {

	private static final Object[] PLAIN = { 0, -7, 1L << 40, 2.5, -0.0, Double.NaN, "", "code", "编码 ✓", true, false,
			null, Instant.ofEpochMilli(1_700_000_000_123L), new ObjectId(), new BinData(new byte[] { 1, 2, 3 }) };
	private static final Object[] UNUSUAL = { new BsonTimestamp(5L), Decimal128.ONE, MaxKey.getInstance(),
			MinKey.getInstance(), UUID.randomUUID() };

	private final Random random = new Random(7);

	@Test
	void readsWhatTheServersDecoderReads() {
		for (int i = 0; i < 2_000; i++) {
			Document document = document(0, i % 10 == 0);
			byte[] bson = encode(document);
			Document ours = read(bson, 3);
			Document servers = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
			assertThat(ours).isEqualTo(servers);
			assertSameClasses(ours, servers);
		}
	}

	@Test
	void sharesFieldNames() {
		Document first = read(encode(new Document("_id", 1).append("status", "SOLD")), 0);
		Document second = read(encode(new Document("_id", 2).append("status", "RESERVED")), 0);
		String a = first.keySet().stream().filter("status"::equals).findFirst().orElseThrow();
		String b = second.keySet().stream().filter("status"::equals).findFirst().orElseThrow();
		assertThat(a).isSameAs(b);
	}

	/** Reads the document from inside a larger buffer, as a page holds it; the position must end right after it. */
	private static Document read(byte[] bson, int offset) {
		ByteBuffer page = ByteBuffer.allocate(offset + bson.length + 5);
		page.position(offset);
		page.put(bson);
		page.position(offset);
		Document document = StoredBson.read(page, bson.length);
		assertThat(page.position()).isEqualTo(offset + bson.length);
		return document;
	}

	private Document document(int depth, boolean unusual) {
		Document document = new Document();
		int fields = random.nextInt(12);
		for (int f = 0; f < fields; f++) {
			document.put(random.nextInt(4) == 0 ? "é" + f : "field" + random.nextInt(30) + "_" + f, value(depth, unusual));
		}
		return document;
	}

	private Object value(int depth, boolean unusual) {
		int kind = random.nextInt(10);
		if (depth < 2 && kind == 0) {
			return document(depth + 1, unusual);
		}
		if (depth < 2 && kind == 1) {
			List<Object> values = new ArrayList<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				values.add(value(depth + 1, unusual));
			}
			return values;
		}
		if (unusual && kind == 2) {
			return UNUSUAL[random.nextInt(UNUSUAL.length)];
		}
		return PLAIN[random.nextInt(PLAIN.length)];
	}

	private static byte[] encode(Document document) {
		ByteBuf buffer = Unpooled.buffer();
		BsonEncoder.encodeDocument(document, buffer);
		byte[] bytes = new byte[buffer.readableBytes()];
		buffer.readBytes(bytes);
		return bytes;
	}

	private static void assertSameClasses(Object ours, Object servers) {
		if (ours instanceof Map<?, ?> map) {
			assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(((Map<?, ?>) servers).keySet()));
			for (Map.Entry<?, ?> field : map.entrySet()) {
				assertSameClasses(field.getValue(), ((Map<?, ?>) servers).get(field.getKey()));
			}
		}
		else if (ours instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				assertSameClasses(list.get(i), ((List<?>) servers).get(i));
			}
		}
		else {
			assertThat(Missing.isNullOrMissing(ours) ? null : ours.getClass())
				.isEqualTo(Missing.isNullOrMissing(servers) ? null : servers.getClass());
		}
	}
}
