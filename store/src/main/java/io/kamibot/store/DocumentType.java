package io.kamibot.store;

import java.nio.ByteBuffer;
import java.util.ConcurrentModificationException;

import de.bwaldvogel.mongo.bson.Document;
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
	private static final int ENCODE_ATTEMPTS = 100;

	private DocumentType() {
	}

	@Override
	public int getMemory(Document document) {
		return 64 + 48 * document.size();
	}

	/**
	 * Writes the document for a commit, which runs beside commands. The server updates a stored document in place
	 * (it removes and puts its fields, then stores the same object), so a commit may meet one being changed: it then
	 * encodes it again. Whatever state it catches, that update came after the commit's mark, so its journal record
	 * is applied again after a crash.
	 */
	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bson = Unpooled.buffer(256);
		try {
			for (int attempt = 1;; attempt++) {
				try {
					BsonWriting.write(document, bson);
					break;
				}
				catch (ConcurrentModificationException e) {
					if (attempt == ENCODE_ATTEMPTS) {
						throw e;
					}
					bson.clear();
					Thread.onSpinWait();
				}
			}
			buffer.putVarInt(bson.readableBytes());
			buffer.put(bson.nioBuffer());
		}
		finally {
			bson.release();
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		return StoredBson.read(buffer, DataUtils.readVarInt(buffer));
	}

	/** The size of the documents in BSON. */
	static long encodedSize(Iterable<Document> documents) {
		long size = 0;
		ByteBuf buffer = Unpooled.buffer();
		try {
			for (Document document : documents) {
				buffer.clear();
				BsonEncoder.encodeDocument(document, buffer);
				size += buffer.writerIndex();
			}
		}
		finally {
			buffer.release();
		}
		return size;
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}
}
