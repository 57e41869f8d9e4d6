package io.kamibot.payment.sandbox;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether the sandbox is offered at all (the embedded default turns it on while nothing real is
 *     configured)
 * @param channels where it is offered; never Telegram, whose rules allow only Stars for digital goods
 */
@ConfigurationProperties("kamibot.payment.sandbox")
record SandboxSettings(boolean enabled, List<String> channels) {

	SandboxSettings {
		channels = channels == null ? List.of("webchat") : List.copyOf(channels);
		if (channels.contains("telegram")) {
			throw new IllegalArgumentException("The sandbox may not be offered on Telegram (Stars only for digital goods)");
		}
	}
}
