package io.kamibot.testing;

import java.util.Map;
import java.util.UUID;

import io.kamibot.vault.Vault;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Points an application context at a real MongoDB: {@code mongo:7} as a single-node replica set (as production runs
 * it) in a container, started once for the test JVM and removed by Testcontainers when it ends; each context gets a
 * database of its own. As a JUnit condition it skips, with the reason, a test class when no Docker engine answers.
 */
public class RealMongo implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecutionCondition {

	static final String IMAGE = "mongo:7";
	static final String REQUIRED = "KAMIBOT_REQUIRE_DOCKER";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String uri = Container.MONGO.getReplicaSetUrl("kamibot-" + UUID.randomUUID().toString().substring(0, 8));
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("realMongo",
					Map.of("spring.mongodb.uri", uri, "kamibot.secrets.key", Vault.newKey())));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return ConditionEvaluationResult.enabled("a Docker engine answers: running against " + IMAGE);
		}
		if ("true".equals(System.getenv(REQUIRED))) {
			// CI sets this, so that a runner without Docker fails here instead of quietly skipping.
			return ConditionEvaluationResult.enabled(REQUIRED + " is set: running, and failing, without Docker");
		}
		return ConditionEvaluationResult.disabled("No Docker engine found, so the contract tests against a real "
				+ "MongoDB (" + IMAGE + " replica set, Testcontainers) are skipped; they run where Docker is, e.g. in CI. "
				+ "The same contracts ran against the embedded store.");
	}

	/** Started on first use only, so that a JVM without Docker never tries. */
	private static final class Container {

		static final MongoDBContainer MONGO = start();

		private static MongoDBContainer start() {
			MongoDBContainer mongo = new MongoDBContainer(IMAGE).withReplicaSet();
			mongo.start();
			return mongo;
		}
	}
}
