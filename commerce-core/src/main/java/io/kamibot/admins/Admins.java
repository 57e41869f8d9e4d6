package io.kamibot.admins;

import io.kamibot.customer.ChannelIdentity;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Tells admins from everyone else. */
@Service
@EnableConfigurationProperties(AdminIdentities.class)
public class Admins {

	private final AdminIdentities identities;

	Admins(AdminIdentities identities) {
		this.identities = identities;
	}

	public boolean isAdmin(ChannelIdentity identity) {
		if ("telegram".equals(identity.channel())) {
			return identities.telegramIds().stream().anyMatch(id -> String.valueOf(id).equals(identity.userId()));
		}
		return false;
	}
}
