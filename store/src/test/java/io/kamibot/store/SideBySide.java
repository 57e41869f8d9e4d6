package io.kamibot.store;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/** The store in memory beside the server's own memory backend, for tests that compare their answers. */
final class SideBySide implements AutoCloseable {

	private final MongoServer storeServer = new MongoServer(StoreBackend.inMemory());
	private final MongoServer plainServer = new MongoServer(new MemoryBackend());
	private final MongoClient storeClient = MongoClients.create(storeServer.bindAndGetConnectionString());
	private final MongoClient plainClient = MongoClients.create(plainServer.bindAndGetConnectionString());

	/** The collection on the store, then the same on the memory backend. */
	List<MongoCollection<Document>> collections(String name) {
		return List.of(storeClient.getDatabase("test").getCollection(name),
				plainClient.getDatabase("test").getCollection(name));
	}

	@Override
	public void close() {
		storeClient.close();
		plainClient.close();
		storeServer.shutdownNow();
		plainServer.shutdownNow();
	}
}
