package io.kamibot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Lets test classes share one started application instead of starting their own: before each class, every
 * collection is put back as it was when the application had just started (documents only, so the indexes the
 * features declared stay), and the test clock goes back to its start. A class that brings its own configuration
 * (properties, fakes, beans) gets its own application anyway and marks it dirty so it is closed after it.
 */
public class SharedShop implements TestExecutionListener {

	private static final String BASELINE = "sharedShopBaseline";

	@Override
	public void beforeTestClass(TestContext testContext) {
		ApplicationContext context = testContext.getApplicationContext();
		MongoDatabase database = context.getBean(MongoTemplate.class).getDb();
		if (!context.containsBean(BASELINE)) {
			((ConfigurableApplicationContext) context).getBeanFactory().registerSingleton(BASELINE, new Baseline(
					snapshot(database)));
			return; // First class on this application: it is as fresh as it gets.
		}
		awaitListeners(database);
		restore(database, context.getBean(BASELINE, Baseline.class).collections());
		context.getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
	}

	/**
	 * Listeners of the previous class may still be running on the registry's threads; they finish (or fail) before
	 * the collections go back, so none of them writes into the next class's shop.
	 */
	private static void awaitListeners(MongoDatabase database) {
		Document running = new Document("status", new Document("$in", List.of("PUBLISHED", "PROCESSING", "RESUBMITTED")));
		Awaitility.await("listeners of the previous test class to finish")
			.atMost(Duration.ofSeconds(30))
			.until(() -> database.getCollection("event_publication").countDocuments(running) == 0);
	}

	private static Map<String, List<Document>> snapshot(MongoDatabase database) {
		Map<String, List<Document>> collections = new LinkedHashMap<>();
		for (String name : database.listCollectionNames()) {
			if (!name.startsWith("system.")) {
				collections.put(name, database.getCollection(name).find().into(new ArrayList<>()));
			}
		}
		return collections;
	}

	private static void restore(MongoDatabase database, Map<String, List<Document>> baseline) {
		for (String name : database.listCollectionNames()) {
			if (name.startsWith("system.")) {
				continue;
			}
			database.getCollection(name).deleteMany(new Document());
			List<Document> documents = baseline.getOrDefault(name, List.of());
			if (!documents.isEmpty()) {
				database.getCollection(name).insertMany(documents);
			}
		}
	}

	/** The documents each collection held right after start. */
	record Baseline(Map<String, List<Document>> collections) {
	}
}
