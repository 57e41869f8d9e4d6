package io.kamibot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's BSON writer ({@link BsonWriting}) against the server's encoder, over random documents of every type,
 * nested, in arrays and sets, with names and strings in any script (and a lone surrogate): the same bytes.
 */
class BsonWritingTest {

	private static final Object[] VALUES = { 0, -7, 1L << 40, 2.5, -0.0, Double.NaN, "", "code", "编码 ✓ 😀",
			"lone \uD800 surrogate", true, false, null, Instant.ofEpochMilli(1_700_000_000_123L), new ObjectId(),
			new BinData(new byte[] { 1, 2, 3 }), new BsonTimestamp(5L), Decimal128.ONE, MaxKey.getInstance(),
			UUID.randomUUID() };

	private final Random random = new Random(11);

	@Test
	void writesTheServersBytes() {
		for (int i = 0; i < 2_000; i++) {
			Document document = document(0);
			assertThat(hex(out -> BsonWriting.write(document, out)))
				.isEqualTo(hex(out -> BsonEncoder.encodeDocument(document, out)));
		}
	}

	@Test
	void refusesWhatTheServerRefuses() {
		Document document = new Document("n", 1.5f);
		assertThatThrownBy(() -> BsonWriting.write(document, Unpooled.buffer()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private Document document(int depth) {
		Document document = new Document();
		for (int f = random.nextInt(10); f > 0; f--) {
			String name = switch (random.nextInt(4)) {
				case 0 -> "名" + f;
				case 1 -> "status";
				default -> "field" + random.nextInt(50);
			};
			document.put(name, value(depth));
		}
		return document;
	}

	private Object value(int depth) {
		int kind = random.nextInt(12);
		if (depth < 2 && kind == 0) {
			return document(depth + 1);
		}
		if (depth < 2 && kind == 1) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("k", value(depth + 1));
			return map;
		}
		if (depth < 2 && kind == 2) {
			List<Object> values = new ArrayList<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				values.add(value(depth + 1));
			}
			return random.nextBoolean() ? values : new LinkedHashSet<>(values);
		}
		return VALUES[random.nextInt(VALUES.length)];
	}

	private static String hex(java.util.function.Consumer<ByteBuf> writer) {
		ByteBuf out = Unpooled.buffer();
		writer.accept(out);
		return ByteBufUtil.hexDump(out);
	}
}
