package io.kamibot.testing;

import java.net.InetSocketAddress;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.store.StoreBackend;
import io.kamibot.vault.Vault;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a fresh in-process MongoDB wire-protocol server (the embedded store in memory: the same indexes and query
 * planner as the embedded default) for one application context, points {@code spring.mongodb.uri} at it, gives the
 * vault a random key, and stops the server with the context.
 */
public class InMemoryMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		MongoServer server = new MongoServer(StoreBackend.inMemory());
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		context.getBeanFactory().registerSingleton("inMemoryMongoServer", server);
		// Stopped as the last bean, after those that still talk to it while they close (the event registry does).
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("inMemoryMongoServer",
				server::shutdownNow);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("inMemoryMongo",
					Map.of("spring.mongodb.uri", "mongodb://127.0.0.1:" + address.getPort() + "/kamibot",
							"kamibot.secrets.key", Vault.newKey())));
	}
}
