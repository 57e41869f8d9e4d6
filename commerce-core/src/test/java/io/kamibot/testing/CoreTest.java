package io.kamibot.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import testing.kamibot.CoreTestApplication;

/**
 * A Spring test of the commerce core against an in-process MongoDB server, with the sandbox payment provider on.
 * Classes with no configuration of their own share one application, put back to its just-started state before each
 * class ({@link SharedShop}); a class that adds properties, beans or fakes gets an application of its own and should
 * carry {@code @DirtiesContext} so that it is closed (with its background work) when the class is done. Every test
 * is bounded: none waits forever for something that never comes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CoreTestApplication.class, properties = "kamibot.payment.sandbox.enabled=true")
@ContextConfiguration(initializers = InMemoryMongo.class)
@TestExecutionListeners(listeners = SharedShop.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@Timeout(120)
public @interface CoreTest {
}
