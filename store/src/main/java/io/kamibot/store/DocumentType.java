package io.kamibot.store;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents kept as BSON, the form they arrive in: about a quarter of the bytes of Java serialisation (which the
 * H2 backend used) and several times faster to write and read back, which is most of the work of a checkpoint.
 */
final class DocumentType extends BasicDataType<Document> {

	static final DocumentType INSTANCE = new DocumentType();

	private DocumentType() {
	}

	@Override
	public int getMemory(Document document) {
		return 64 + 48 * document.size();
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bson = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, bson);
			buffer.putVarInt(bson.readableBytes());
			buffer.put(bson.nioBuffer());
		}
		finally {
			bson.release();
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		int length = DataUtils.readVarInt(buffer);
		ByteBuffer slice = buffer.slice();
		slice.limit(length);
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}
}
