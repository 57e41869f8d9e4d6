package io.kamibot.embedded;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import io.kamibot.KamibotApplication;
import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the app exactly as its main class does, then prints where its database listens, so that a benchmark can put
 * the raw MongoDB driver beside the app on the same embedded server. {@link ScaleBenchmark} copies this one class
 * into the child's classpath (no test classes go there), so it has no nested classes or lambdas.
 */
public final class BenchLauncher {

	static final String LINE = "KAMIBOT-BENCH mongo=";

	private BenchLauncher() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(KamibotApplication.class, args);
		MongoClient client = context.getBean(MongoClient.class);
		client.getDatabase("admin").runCommand(new Document("ping", 1));
		ServerAddress address = client.getClusterDescription().getServerDescriptions().get(0).getAddress();
		System.out.println(LINE + address.getHost() + ":" + address.getPort());
	}
}
