package io.kamibot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.store.StoreBackend;
import io.kamibot.vault.Vault;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default's store as {@code EmbeddedMongo} starts it (a file with its journal forced to disk before
 * each answer, 16 server threads), in a fresh directory under {@code target/}, for benchmarks that must measure what
 * a shop on the embedded default gets. Stopped and deleted with the context, which should be marked dirty.
 */
public class OnDiskMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final int SERVER_THREADS = 16;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Path dir;
		try {
			Path target = Files.createDirectories(Path.of("target"));
			dir = Files.createTempDirectory(target, "kamibot-on-disk");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		MongoServer server = new MongoServer(StoreBackend.openFile(dir.resolve("kamibot.mv"), true));
		server.bind(new InetSocketAddress("127.0.0.1", 0), 1, SERVER_THREADS);
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("onDiskMongoServer", () -> {
			server.shutdownNow();
			FileSystemUtils.deleteRecursively(dir);
		});
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("onDiskMongo",
				Map.of("spring.mongodb.uri", "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/kamibot",
						"kamibot.secrets.key", Vault.newKey())));
	}
}
