package io.kamibot.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultsTest {

	@TempDir
	Path data;

	@Test
	void runsEmbeddedWithKeptSecretsTheSandboxAndTheDemoWhenNoDatabaseIsGiven() throws Exception {
		StandardEnvironment first = environment(Map.of());
		new Defaults(Supplier::get).postProcessEnvironment(first, null);
		StandardEnvironment second = environment(Map.of());
		new Defaults(Supplier::get).postProcessEnvironment(second, null);

		assertThat(first.getProperty("kamibot.embedded", Boolean.class)).isTrue();
		assertThat(first.getProperty("kamibot.payment.sandbox.enabled", Boolean.class)).isTrue();
		assertThat(first.getProperty("kamibot.demo.enabled", Boolean.class)).isTrue();
		assertThat(first.getProperty("kamibot.secrets.key")).isNotBlank()
			.isEqualTo(second.getProperty("kamibot.secrets.key"))
			.isEqualTo(Files.readString(data.resolve("secrets.key")).strip());
		assertThat(first.getProperty("kamibot.admin.api-token")).hasSizeGreaterThanOrEqualTo(32)
			.isEqualTo(second.getProperty("kamibot.admin.api-token"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "kamibot.telegram.token", "kamibot.wechat.app-id", "kamibot.wechat.secret",
			"kamibot.wechat.token", "kamibot.wechatpay.mch-id", "kamibot.wechatpay.merchant-key",
			"kamibot.wechatpay.api-v3-key", "kamibot.alipay.app-id", "kamibot.alipay.private-key" })
	void offersNoSandboxOnTheEmbeddedDefaultOnceARealChannelOrPaymentIsConfigured(String real) {
		StandardEnvironment shop = environment(Map.of(real, "configured-value"));
		new Defaults(Supplier::get).postProcessEnvironment(shop, null);
		assertThat(shop.getProperty("kamibot.embedded", Boolean.class)).isTrue();
		assertThat(shop.getProperty("kamibot.payment.sandbox.enabled", Boolean.class)).isFalse();
	}

	@Test
	void offersTheSandboxWhereverTheOwnerAskedForItExplicitly() {
		StandardEnvironment withTelegram = environment(
				Map.of("kamibot.telegram.token", "123:abc", "kamibot.payment.sandbox.enabled", "true"));
		new Defaults(Supplier::get).postProcessEnvironment(withTelegram, null);
		assertThat(withTelegram.getProperty("kamibot.payment.sandbox.enabled", Boolean.class)).isTrue();

		StandardEnvironment declined = environment(Map.of("kamibot.payment.sandbox.enabled", "false"));
		new Defaults(Supplier::get).postProcessEnvironment(declined, null);
		assertThat(declined.getProperty("kamibot.payment.sandbox.enabled", Boolean.class)).isFalse();
	}

	@Test
	void refusesProductionWithoutASecretsKey() {
		StandardEnvironment production = environment(Map.of("kamibot.mongodb.uri", "mongodb://db:27017/kamibot"));
		assertThatThrownBy(() -> new Defaults(Supplier::get).postProcessEnvironment(production, null))
			.hasMessageContaining("KAMIBOT_SECRETS_KEY");
	}

	@Test
	void startsNothingEmbeddedAndNoSandboxInProduction() {
		StandardEnvironment production = environment(Map.of("kamibot.mongodb.uri", "mongodb://db:27017/kamibot",
				"kamibot.secrets.key", "k", "kamibot.admin.api-token", "given-token-0123456789"));
		new Defaults(Supplier::get).postProcessEnvironment(production, null);
		assertThat(production.getProperty("kamibot.embedded", Boolean.class)).isFalse();
		assertThat(production.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://db:27017/kamibot");
		assertThat(production.getProperty("kamibot.payment.sandbox.enabled")).isNull();
		assertThat(production.getProperty("kamibot.admin.api-token")).isEqualTo("given-token-0123456789");
		assertThat(data.resolve("admin-token")).doesNotExist();
	}

	private StandardEnvironment environment(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("kamibot.data-dir", data.toString());
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", all));
		return environment;
	}
}
