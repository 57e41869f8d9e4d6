package io.kamibot.signing;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Problem responses for calls refused before they reach the API: which check failed, nothing else. */
final class Refusals {

	/** The prefix of every problem type; the same as the APIs' own problems use. */
	static final String TYPE = "https://kamibot.io/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Refusals() {
	}

	static void unauthorized(HttpServletResponse response, Check check, String detail) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "KamibotSignature");
		write(response, new Problem(TYPE + check.id(), "Unauthorized", 401, detail, check.id()));
	}

	static void tooMany(HttpServletResponse response, long retryAfterSeconds, int perMinute) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		write(response, new Problem(TYPE + "rate-limited", "Too Many Requests", 429,
				"This key may make " + perMinute + " calls a minute", "rate-limit"));
	}

	static void unavailable(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		write(response, new Problem(TYPE + "unavailable", "Service Unavailable", 503,
				"The shop could not check this call just now; nothing was done: send it again with a fresh nonce",
				"unavailable"));
	}

	private static void write(HttpServletResponse response, Problem problem) throws IOException {
		response.setStatus(problem.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

	/** @param check the check that failed */
	record Problem(String type, String title, int status, String detail, String check) {
	}
}
