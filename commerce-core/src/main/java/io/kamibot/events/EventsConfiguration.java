package io.kamibot.events;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The registry's settings ({@code events.properties} beside this class) and the unit-of-work transaction manager in
 * place of MongoDB transactions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventSettings.class)
@PropertySource("classpath:io/kamibot/events/events.properties")
class EventsConfiguration {

	@Bean
	PlatformTransactionManager transactionManager() {
		return new UnitOfWork();
	}
}
