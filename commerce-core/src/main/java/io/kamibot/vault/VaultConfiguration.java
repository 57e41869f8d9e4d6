package io.kamibot.vault;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultSettings.class)
class VaultConfiguration {

	@Bean
	Vault vault(VaultSettings settings) {
		return new Vault(settings);
	}
}
