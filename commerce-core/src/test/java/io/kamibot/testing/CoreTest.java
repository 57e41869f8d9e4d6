package io.kamibot.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import testing.kamibot.CoreTestApplication;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring test of the commerce core against a fresh in-process MongoDB server per test class, with the sandbox
 * payment provider on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CoreTestApplication.class, properties = "kamibot.payment.sandbox.enabled=true")
@ContextConfiguration(initializers = InMemoryMongo.class)
@DirtiesContext
public @interface CoreTest {
}
