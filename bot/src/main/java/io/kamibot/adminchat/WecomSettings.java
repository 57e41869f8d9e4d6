package io.kamibot.adminchat;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param wecomWebhooks WeCom group robot webhook URLs ({@code KAMIBOT_ADMIN_WECOM_WEBHOOKS}, comma separated). The
 *     {@code key} in each is a credential: it is never logged or stored
 */
@ConfigurationProperties("kamibot.admin")
record WecomSettings(List<URI> wecomWebhooks) {

	WecomSettings {
		wecomWebhooks = wecomWebhooks == null ? List.of() : List.copyOf(wecomWebhooks);
	}

	@Override
	public String toString() {
		return "WecomSettings[" + wecomWebhooks.size() + " robots]";
	}
}
