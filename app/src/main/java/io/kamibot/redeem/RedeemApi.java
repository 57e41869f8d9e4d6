package io.kamibot.redeem;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.Redemptions;
import io.kamibot.signing.SignedCalls;
import io.kamibot.stock.Redemption;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A redeemer's system redeems and checks codes; each call is already signed by the redeemer's key. A counter's
 * system redeems thousands a second, so this API skips the message converters: the code is read from the body the
 * signature check already read, and the answer is written by the application's JSON mapper as bytes of known length,
 * in one piece rather than chunked. Refusals still go through {@link RedeemProblems}.
 */
@RestController
@RequestMapping("/api/redeem/v1")
class RedeemApi {

	static final String PREFIX = "/api/redeem/v1/";
	static final String VIA = "api";

	private final Redemptions redemptions;
	private final JsonMapper json;

	RedeemApi(Redemptions redemptions, JsonMapper json) {
		this.redemptions = redemptions;
		this.json = json;
	}

	/** Redeems the code of the body {@code {"code"}}: 200 the first time, 409 after, and the status of each other answer. */
	@PostMapping("/redemptions")
	void redeem(@RequestAttribute(SignedCalls.ACCOUNT) Redeemer redeemer,
			@RequestAttribute(SignedCalls.BODY) byte[] body, HttpServletResponse response) throws IOException {
		answer(redemptions.redeem(redeemer, code(body), VIA), response);
	}

	/** Says what a redemption of the code would answer, with the same statuses, without redeeming it. */
	@GetMapping("/redemptions/{code}")
	void check(@RequestAttribute(SignedCalls.ACCOUNT) Redeemer redeemer, @PathVariable String code,
			HttpServletResponse response) throws IOException {
		answer(redemptions.check(redeemer, code), response);
	}

	private String code(byte[] body) {
		JsonNode request;
		try {
			request = json.readTree(body);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("The body is not JSON");
		}
		JsonNode code = request == null ? null : request.get("code");
		if (code == null || !code.isString() || code.asString().isBlank()) {
			throw new IllegalArgumentException("code is required");
		}
		return code.asString();
	}

	private void answer(Redemption r, HttpServletResponse response) throws IOException {
		String status = r.outcome().name();
		switch (r.outcome()) {
			case REDEEMED, REDEEMABLE -> write(response, HttpStatus.OK,
					new RedemptionView(status, r.sku(), r.orderNo(), r.redeemedAt(), null));
			case ALREADY_REDEEMED -> write(response, HttpStatus.CONFLICT,
					new RedemptionView(status, null, null, r.redeemedAt(), r.redeemer()));
			case MISTYPED -> write(response, HttpStatus.UNPROCESSABLE_CONTENT, RedemptionView.of(status));
			case UNKNOWN -> write(response, HttpStatus.NOT_FOUND, RedemptionView.of(status));
			case EXPIRED -> write(response, HttpStatus.GONE, RedemptionView.of(status));
			case NOT_SOLD, REFUNDED, NOT_ALLOWED -> write(response, HttpStatus.FORBIDDEN, RedemptionView.of(status));
		}
	}

	private void write(HttpServletResponse response, HttpStatus status, RedemptionView view) throws IOException {
		byte[] bytes = json.writeValueAsBytes(view);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** An answer: the status always, the rest where it says something the redeemer may know. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RedemptionView(String status, String sku, String orderNo, Instant redeemedAt, String redeemer) {

		static RedemptionView of(String status) {
			return new RedemptionView(status, null, null, null, null);
		}
	}
}
