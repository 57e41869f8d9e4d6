package io.kamibot.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param host the SMTP server; mail is off while it is unset
 * @param port 587 unless set
 * @param username and {@code password}: the SMTP login, when the server wants one
 * @param from the sender, e.g. {@code Kamibot <shop@example.com>}
 * @param starttls whether to require STARTTLS: on unless set to false (only for a server on the same machine)
 * @param publicUrl the shop's address as buyers reach it, put before the confirmation link's path
 */
@ConfigurationProperties("kamibot.mail")
record MailSettings(String host, Integer port, String username, String password, String from, Boolean starttls,
		String publicUrl) {

	MailSettings {
		port = port != null ? port : 587;
		starttls = starttls == null || starttls;
		publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
	}

	boolean enabled() {
		return host != null && !host.isBlank();
	}

	/** Refuses a configuration that would mail nothing useful, naming what is missing. */
	void check() {
		if (from == null || from.isBlank()) {
			throw new IllegalStateException("KAMIBOT_MAIL_HOST is set but KAMIBOT_MAIL_FROM is not: "
					+ "set the sender address, e.g. KAMIBOT_MAIL_FROM=shop@example.com");
		}
		if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
			throw new IllegalStateException("KAMIBOT_MAIL_HOST is set but KAMIBOT_PUBLIC_URL is not: confirmation "
					+ "links need the shop's public address, e.g. KAMIBOT_PUBLIC_URL=https://shop.example.com");
		}
	}

	@Override
	public String toString() {
		// The password is a credential.
		return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + ", starttls=" + starttls + "]";
	}
}
