package io.kamibot.adminchat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamibot.alerts.Alert;
import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertSink;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sends alerts to WeCom (企业微信) group robots: a plain JSON POST to each configured webhook. Texts are cut to the
 * robot's 2048 bytes; a chart goes as an image message (base64 and MD5) before its text. The robot has no
 * buttons, so an alert's actions are shown as the commands that do the same in a chat. An answer with a non-zero
 * {@code errcode} is a failure (the dispatcher retries). The webhook's key is a credential: targets are named
 * {@code robot<n>-<hash>}, and no message here ever contains the URL.
 */
@Component
@EnableConfigurationProperties(WecomSettings.class)
class WecomRobotSink implements AlertSink {

	static final String CHANNEL = "wecom";
	static final int MAX_TEXT_BYTES = 2048;
	private static final Duration TIMEOUT = Duration.ofSeconds(10);
	private static final Map<AlertAction.Verb, String> COMMANDS = Map.of(AlertAction.Verb.APPROVE, "/approve",
			AlertAction.Verb.REJECT, "/reject", AlertAction.Verb.PAUSE, "/pause", AlertAction.Verb.BAN, "/ban",
			AlertAction.Verb.REPLACE, "/replace", AlertAction.Verb.REFUND, "/refund", AlertAction.Verb.REFUND_PAYMENT,
			"/refund", AlertAction.Verb.RESEND, "/resend");

	private final Map<String, URI> robots = new LinkedHashMap<>();
	private final AlertTexts texts;
	private final ObjectMapper json = new ObjectMapper();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	WecomRobotSink(WecomSettings settings, AlertTexts texts) {
		this.texts = texts;
		List<URI> hooks = settings.wecomWebhooks();
		for (int i = 0; i < hooks.size(); i++) {
			robots.put("robot" + (i + 1) + "-" + shortHash(hooks.get(i).toString()), hooks.get(i));
		}
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public List<String> configuredTargets() {
		return List.copyOf(robots.keySet());
	}

	@Override
	public void send(String target, Alert alert) {
		if (alert.image() != null) {
			ObjectNode image = json.createObjectNode().put("msgtype", "image");
			image.putObject("image").put("base64", Base64.getEncoder().encodeToString(alert.image()))
				.put("md5", HexFormat.of().formatHex(md5(alert.image())));
			post(target, image);
		}
		String commands = alert.actions().stream()
			.filter(a -> COMMANDS.containsKey(a.verb()))
			.map(a -> COMMANDS.get(a.verb()) + " " + a.arg())
			.collect(Collectors.joining("  "));
		post(target, text(texts.text(alert) + (commands.isEmpty() ? "" : "\n" + commands)));
	}

	@Override
	public void sendDigest(String target, List<Alert> alerts) {
		post(target, text(texts.digest(alerts, MAX_TEXT_BYTES)));
	}

	private ObjectNode text(String content) {
		ObjectNode message = json.createObjectNode().put("msgtype", "text");
		message.putObject("text").put("content", AlertTexts.fit(content, MAX_TEXT_BYTES));
		return message;
	}

	private void post(String target, ObjectNode message) {
		URI hook = robots.get(target);
		if (hook == null) {
			throw new RobotRefused(target, "is not configured");
		}
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(hook)
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message), StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			// The exception's text may name the URL; only its kind is kept.
			throw new RobotRefused(target, "could not be reached (" + e.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new RobotRefused(target, "interrupted");
		}
		if (response.statusCode() != 200) {
			throw new RobotRefused(target, "answered HTTP " + response.statusCode());
		}
		JsonNode body;
		try {
			body = json.readTree(response.body());
		}
		catch (IOException e) {
			throw new RobotRefused(target, "answered something that is not JSON");
		}
		int errcode = body.path("errcode").asInt(-1);
		if (errcode != 0) {
			throw new RobotRefused(target, "answered errcode " + errcode + " (" + body.path("errmsg").asText("") + ")");
		}
	}

	private static String shortHash(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 3);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] md5(byte[] data) {
		try {
			return MessageDigest.getInstance("MD5").digest(data);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A robot did not take a message; the message never contains the webhook URL. */
	static class RobotRefused extends RuntimeException {

		RobotRefused(String target, String what) {
			super("WeCom robot " + target + " " + what);
		}
	}
}
