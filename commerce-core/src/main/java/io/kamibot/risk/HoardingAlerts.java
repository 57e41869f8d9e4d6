package io.kamibot.risk;

import java.time.Clock;
import java.util.List;

import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.OrderEvents.ReservationCapReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells admins when unpaid orders hold as much of a product as they may: hoarding spread over many chats, which no
 * one customer's limit sees. One alert per product and risk window, however many orders meet the cap, so a hoard
 * of a hundred chats is one message, not a hundred.
 */
@Component
class HoardingAlerts {

	private static final Logger log = LoggerFactory.getLogger(HoardingAlerts.class);

	private final Alerts alerts;
	private final Catalog catalog;
	private final RiskSettings settings;
	private final Clock clock;

	HoardingAlerts(Alerts alerts, Catalog catalog, RiskSettings settings, Clock clock) {
		this.alerts = alerts;
		this.catalog = catalog;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(ReservationCapReached capped) {
		try {
			long window = clock.millis() / Math.max(1, settings.window().toMillis());
			String title = catalog.find(new Sku(capped.sku())).map(Product::title).orElse("");
			alerts.raise(AlertType.HOARDING, "hoarding:" + capped.sku() + ":" + window,
					List.of(capped.sku(), title, String.valueOf(capped.capPercent())),
					List.of(new AlertAction(Verb.PAUSE, capped.sku())));
		}
		catch (RuntimeException e) {
			// The order stands whether or not admins could be told.
			log.error("Raising the hoarding alert for {} failed", capped.sku(), e);
		}
	}
}
