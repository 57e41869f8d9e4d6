package io.kamibot.alerts;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert as stored: never a code, only ids, counts and reasons.
 *
 * @param key makes the alert unique when set (a daily report per day, a warning per product and day), so raising
 *     it twice stores and sends it once
 * @param args the template's arguments, in order
 * @param image a PNG shown with the alert (the daily report's chart), or {@code null}
 */
@Document("alerts")
public record Alert(@Id String id, String key, AlertType type, List<String> args, List<AlertAction> actions,
		byte[] image, Instant at) {

	public Alert {
		args = args == null ? List.of() : List.copyOf(args);
		actions = actions == null ? List.of() : List.copyOf(actions);
	}

	public String arg(int index) {
		return index < args.size() ? args.get(index) : "";
	}

	@Override
	public String toString() {
		return "Alert[" + id + " " + type + " " + args + "]";
	}
}
