package io.kamibot.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says where the shop is once it listens, and the admin token when the shop made it up (so the owner can use the
 * admin API without hunting for the file).
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
		int port = event.getWebServer().getPort();
		boolean embedded = environment.getProperty(Defaults.EMBEDDED, Boolean.class, false);
		String dataDir = environment.getProperty("kamibot.data-dir");
		log.info("Kamibot is open: web chat at http://localhost:{}/ ({} mode, data in {})", port,
				embedded ? "embedded" : "production", dataDir);
		if (environment.getProperty(Defaults.GENERATED_TOKEN, Boolean.class, false)) {
			log.info("Admin API token (kept in {}/admin-token): {}", dataDir,
					environment.getProperty("kamibot.admin.api-token"));
		}
	}
}
