package io.kamibot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process MongoDB wire-protocol server of the embedded default, persisting to an H2 file in the data
 * directory, and the client of it. The server listens on loopback only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(Defaults.EMBEDDED)
class EmbeddedMongo {

	@Bean(destroyMethod = "shutdown")
	MongoServer embeddedMongoServer(@Value("${kamibot.data-dir}") String dataDir) {
		Path dir = Path.of(dataDir);
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the data directory " + dir, e);
		}
		MongoServer server = new MongoServer(new H2Backend(dir.resolve("kamibot.mv").toString()));
		server.bind("127.0.0.1", 0);
		return server;
	}

	@Bean(destroyMethod = "close")
	MongoClient mongoClient(MongoServer embeddedMongoServer) {
		var address = embeddedMongoServer.getLocalAddress();
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
			.build());
	}
}
