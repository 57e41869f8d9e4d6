package testing.kamibot;

import java.time.ZoneId;

import io.kamibot.testing.TestClock;
import io.kamibot.testing.TestRedis;
import org.redisson.api.RedissonClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Primary;

/**
 * The commerce core alone, as tests of it boot it, with a clock the tests move and the test Redis. It lives
 * outside {@code io.kamibot} so that the application's own component scan never picks it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("io.kamibot")
public class CoreTestApplication {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock(ZoneId.of("Asia/Shanghai"));
	}

	@Bean(destroyMethod = "shutdown")
	RedissonClient redisson() {
		return TestRedis.client();
	}
}
