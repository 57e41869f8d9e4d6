package io.kamibot.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSettings.class)
class AdminConfiguration {

	/**
	 * Everything behind the admin bearer token: the admin API, and the Prometheus scrape (its numbers are the
	 * shop's business; a scraper sends the token as {@code Authorization: Bearer}). Health stays open for probes.
	 */
	static final String[] PROTECTED = { "/api/admin/*", "/actuator/prometheus/*" };

	@Bean
	FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminSettings settings) {
		FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(
				new AdminTokenFilter(settings.apiToken()));
		registration.addUrlPatterns(PROTECTED);
		return registration;
	}
}
