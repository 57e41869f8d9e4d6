package io.kamibot;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every commerce module shares: the clock and the shop's time zone (expiry dates of codes are days there).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommerceCoreConfiguration.ShopSettings.class)
public class CommerceCoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(ShopSettings settings) {
		return Clock.system(settings.zone());
	}

	/** @param zone the shop's time zone, {@code Asia/Shanghai} unless set */
	@ConfigurationProperties("kamibot.shop")
	public record ShopSettings(ZoneId zone) {

		public ShopSettings {
			zone = zone != null ? zone : ZoneId.of("Asia/Shanghai");
		}
	}
}
