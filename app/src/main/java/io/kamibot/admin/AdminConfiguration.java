package io.kamibot.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSettings.class)
class AdminConfiguration {

	@Bean
	FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminSettings settings) {
		FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(
				new AdminTokenFilter(settings.apiToken()));
		registration.addUrlPatterns("/api/admin/*");
		return registration;
	}
}
