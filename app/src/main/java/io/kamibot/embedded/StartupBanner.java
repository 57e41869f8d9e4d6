package io.kamibot.embedded;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says where the shop is once it listens, and the admin token when the shop made it up (so the owner can use the
 * admin API without hunting for the file). Warns when the sandbox payment is on: it hands out codes for nothing.
 */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final Environment environment;

	StartupBanner(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		announce(event.getWebServer().getPort());
	}

	void announce(int port) {
		boolean embedded = environment.getProperty(Defaults.EMBEDDED, Boolean.class, false);
		String dataDir = environment.getProperty("kamibot.data-dir");
		log.info("Kamibot is open: web chat at http://localhost:{}/ , owner's console at http://localhost:{}/admin.html "
				+ "({} mode, data in {})", port, port, embedded ? "embedded" : "production", dataDir);
		if (environment.getProperty(Defaults.GENERATED_TOKEN, Boolean.class, false)) {
			log.info("Admin API token (kept in {}/admin-token): {}", dataDir,
					environment.getProperty("kamibot.admin.api-token"));
		}
		sandbox();
	}

	private void sandbox() {
		boolean on = environment.getProperty(Defaults.SANDBOX, Boolean.class, false);
		boolean implicit = environment.getProperty(Defaults.SANDBOX_IMPLICIT, Boolean.class, false);
		List<String> real = Defaults.real(environment);
		if (!on) {
			if (implicit && !real.isEmpty()) {
				log.info("Sandbox payment off: {} configured", String.join(", ", real));
			}
			return;
		}
		String where = environment.getProperty("kamibot.payment.sandbox.channels", "webchat");
		if (implicit) {
			log.warn("SANDBOX PAYMENT IS ON: buyers in {} get codes WITHOUT PAYING. It is on because no payment "
					+ "provider and no chat channel is configured (a shop being tried out); it goes off by itself "
					+ "once Telegram, WeChat or WeChat Pay is, or set KAMIBOT_PAYMENT_SANDBOX_ENABLED=false", where);
		}
		else if (real.isEmpty()) {
			log.warn("SANDBOX PAYMENT IS ON (KAMIBOT_PAYMENT_SANDBOX_ENABLED=true): buyers in {} get codes WITHOUT "
					+ "PAYING", where);
		}
		else {
			log.warn("SANDBOX PAYMENT IS ON (KAMIBOT_PAYMENT_SANDBOX_ENABLED=true) NEXT TO REAL ONES ({}): buyers in "
					+ "{} get codes WITHOUT PAYING. Unset it unless this shop is a test", String.join(", ", real), where);
		}
	}
}
