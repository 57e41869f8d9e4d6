package io.kamibot.redeem;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.Redemptions;
import io.kamibot.signing.SignedCalls;
import io.kamibot.stock.Redemption;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A redeemer's system redeems and checks codes; each call is already signed by the redeemer's key. */
@RestController
@RequestMapping("/api/redeem/v1")
class RedeemApi {

	static final String PREFIX = "/api/redeem/v1/";
	static final String VIA = "api";

	private final Redemptions redemptions;

	RedeemApi(Redemptions redemptions) {
		this.redemptions = redemptions;
	}

	/** Redeems the code: 200 the first time, 409 after, and the status of each other answer. */
	@PostMapping("/redemptions")
	ResponseEntity<RedemptionView> redeem(@RequestAttribute(SignedCalls.ACCOUNT) Redeemer redeemer,
			@RequestBody RedeemRequest request) {
		if (request.code() == null || request.code().isBlank()) {
			throw new IllegalArgumentException("code is required");
		}
		return answer(redemptions.redeem(redeemer, request.code(), VIA));
	}

	/** Says what a redemption of the code would answer, with the same statuses, without redeeming it. */
	@GetMapping("/redemptions/{code}")
	ResponseEntity<RedemptionView> check(@RequestAttribute(SignedCalls.ACCOUNT) Redeemer redeemer,
			@PathVariable String code) {
		return answer(redemptions.check(redeemer, code));
	}

	private static ResponseEntity<RedemptionView> answer(Redemption r) {
		String status = r.outcome().name();
		return switch (r.outcome()) {
			case REDEEMED, REDEEMABLE -> ResponseEntity.ok(new RedemptionView(status, r.sku(), r.orderNo(),
					r.redeemedAt(), null));
			case ALREADY_REDEEMED -> ResponseEntity.status(HttpStatus.CONFLICT)
				.body(new RedemptionView(status, null, null, r.redeemedAt(), r.redeemer()));
			case MISTYPED -> ResponseEntity.unprocessableContent().body(RedemptionView.of(status));
			case UNKNOWN -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(RedemptionView.of(status));
			case EXPIRED -> ResponseEntity.status(HttpStatus.GONE).body(RedemptionView.of(status));
			case NOT_SOLD, REFUNDED, NOT_ALLOWED -> ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(RedemptionView.of(status));
		};
	}

	record RedeemRequest(String code) {
	}

	/** An answer: the status always, the rest where it says something the redeemer may know. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RedemptionView(String status, String sku, String orderNo, Instant redeemedAt, String redeemer) {

		static RedemptionView of(String status) {
			return new RedemptionView(status, null, null, null, null);
		}
	}
}
