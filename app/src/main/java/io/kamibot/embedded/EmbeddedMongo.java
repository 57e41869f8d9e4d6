package io.kamibot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.store.StoreBackend;
import org.bson.UuidRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process MongoDB wire-protocol server of the embedded default, on the embedded store's file in the data
 * directory (every acknowledged write on disk, real indexes), and the client of it. The server listens on loopback
 * only, on a free port it logs, so that the MongoDB shell or driver on the same machine can look at the shop's data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(Defaults.EMBEDDED)
class EmbeddedMongo {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
	private static final int SERVER_THREADS = 16;

	@Bean(destroyMethod = "shutdown")
	MongoServer embeddedMongoServer(@Value("${kamibot.data-dir}") String dataDir,
			@Value("${kamibot.embedded.sync:true}") boolean sync) {
		Path dir = Path.of(dataDir);
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the data directory " + dir, e);
		}
		MongoServer server = new MongoServer(StoreBackend.openFile(dir.resolve("kamibot.mv"), sync));
		// Commands wait for their commit on the server's threads: enough of them that buyers share commits.
		server.bind(new InetSocketAddress("127.0.0.1", 0), 1, SERVER_THREADS);
		log.info("The embedded database listens on mongodb://127.0.0.1:{} (loopback only)",
				server.getLocalAddress().getPort());
		return server;
	}

	@Bean(destroyMethod = "close")
	MongoClient mongoClient(MongoServer embeddedMongoServer) {
		var address = embeddedMongoServer.getLocalAddress();
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
			// As spring.mongodb.representation.uuid (events.properties) sets it for a configured MongoDB.
			.uuidRepresentation(UuidRepresentation.STANDARD)
			.build());
	}
}
