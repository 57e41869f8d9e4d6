package io.kamibot.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import testing.kamibot.CoreTestApplication;

/**
 * A Spring test of the commerce core as {@link CoreTest}, but against a real MongoDB ({@link RealMongo}); skipped,
 * with the reason, where no Docker engine answers. Each class gets its own database and is closed after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealMongo.class)
@Tag("real-mongodb")
@SpringBootTest(classes = CoreTestApplication.class, properties = "kamibot.payment.sandbox.enabled=true")
@ContextConfiguration(initializers = RealMongo.class)
@DirtiesContext
@Timeout(300)
public @interface RealMongoTest {
}
