package io.kamibot.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StartupBannerTest {

	@TempDir
	Path data;

	@Test
	void warnsLoudlyWhenTheSandboxIsOnTheEmbeddedDefault(CapturedOutput output) {
		banner(Map.of()).announce(8080);
		assertThat(warnings(output)).contains("SANDBOX PAYMENT IS ON", "webchat", "WITHOUT PAYING",
				"KAMIBOT_PAYMENT_SANDBOX_ENABLED=false");
	}

	@Test
	void warnsLouderWhenTheOwnerTurnedTheSandboxOnNextToTelegram(CapturedOutput output) {
		banner(Map.of("kamibot.telegram.token", "123:abc", "kamibot.payment.sandbox.enabled", "true")).announce(8080);
		assertThat(warnings(output)).contains("SANDBOX PAYMENT IS ON", "KAMIBOT_TELEGRAM_TOKEN", "WITHOUT PAYING");
	}

	@Test
	void saysWhyTheSandboxIsOffOnceTelegramIsConfigured(CapturedOutput output) {
		banner(Map.of("kamibot.telegram.token", "123:abc")).announce(8080);
		assertThat(warnings(output)).doesNotContain("SANDBOX");
		assertThat(output.getOut()).contains("Sandbox payment off: Telegram (KAMIBOT_TELEGRAM_TOKEN) configured");
	}

	@Test
	void printsTheAddressesOfTheChatAndOfTheOwnersConsole(CapturedOutput output) {
		banner(Map.of()).announce(8080);
		assertThat(output.getOut()).contains("web chat at http://localhost:8080/ ",
				"owner's console at http://localhost:8080/admin.html");
	}

	private StartupBanner banner(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("kamibot.data-dir", data.toString());
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", all));
		new Defaults(Supplier::get).postProcessEnvironment(environment, null);
		return new StartupBanner(environment);
	}

	private static String warnings(CapturedOutput output) {
		return output.getOut().lines().filter(line -> line.contains("WARN")).reduce("", (a, b) -> a + b + "\n");
	}
}
