package io.kamibot.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.alerts.Alerts.DeliveryCounts;
import io.kamibot.alerts.Alerts.DeliveryState;
import io.kamibot.alerts.DeliveryStatus;
import io.kamibot.templates.Texts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin feed: the latest alerts (every alert, also those that went out inside a digest or could not be sent)
 * and how many deliveries wait, went out or failed.
 */
@RestController
@RequestMapping("/api/admin/alerts")
class AlertsApi {

	private static final int MAX_LIMIT = 500;

	private final Alerts alerts;
	private final Texts texts;

	AlertsApi(Alerts alerts, Texts texts) {
		this.alerts = alerts;
		this.texts = texts;
	}

	@GetMapping
	Feed feed(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		List<Alert> recent = alerts.recent(limit);
		Map<String, List<DeliveryState>> deliveries = alerts.deliveries(recent.stream().map(Alert::id).toList())
			.stream()
			.collect(Collectors.groupingBy(DeliveryState::alertId));
		return new Feed(recent.stream()
			.map(a -> FeedItem.of(a, deliveries.getOrDefault(a.id(), List.of()), texts))
			.toList(),
				alerts.deliveryCounts(), alerts.destinations().size());
	}

	record Feed(List<FeedItem> alerts, DeliveryCounts deliveries, int destinations) {
	}

	/**
	 * An alert without its image bytes, with where it is on its way to each destination.
	 *
	 * @param text the alert as the admin chats read it, in Chinese; {@code textEn} in English
	 */
	record FeedItem(String id, AlertType type, List<String> args, List<AlertAction> actions, boolean image,
			Instant at, List<Delivery> deliveries, String text, String textEn) {

		static FeedItem of(Alert alert, List<DeliveryState> deliveries, Texts texts) {
			String key = "alert." + alert.type().name();
			Object[] args = alert.args().toArray();
			return new FeedItem(alert.id(), alert.type(), alert.args(), alert.actions(), alert.image() != null,
					alert.at(), deliveries.stream().map(Delivery::of).toList(),
					texts.render(Texts.LOCALES.get(0), key, args), texts.render(Locale.ENGLISH, key, args));
		}
	}

	/** One destination's delivery of an alert. */
	record Delivery(String destination, DeliveryStatus status, int attempts, boolean digest, Instant sentAt,
			String lastError) {

		static Delivery of(DeliveryState state) {
			return new Delivery(state.destination(), state.status(), state.attempts(), state.digest(), state.sentAt(),
					state.lastError());
		}
	}
}
