package io.kamibot.alipay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.mongodb.MongoException;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentOutcome;
import io.kamibot.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /alipay/notify}: Alipay's asynchronous notifications, form-encoded. Nothing in one is believed before
 * its RSA2 signature verifies with Alipay's public key; then the app and the seller must be the shop's and the amount
 * a plain amount in yuan. A paid trade is confirmed through {@link Payments}, which checks it against the order and
 * counts it once per {@code trade_no} however often it arrives. The answer is the plain text {@code success} once the
 * notification is recorded (or, verified, says nothing to record); {@code fail} otherwise, and Alipay sends it again.
 */
@RestController
@OnAlipay
class AlipayNotify {

	static final String SUCCESS = "success";
	static final String FAIL = "fail";
	private static final Logger log = LoggerFactory.getLogger(AlipayNotify.class);

	private final AlipayAccount account;
	/** Alipay's public key as the SDK's check takes it, encoded once rather than for every notification. */
	private final String alipayKey;
	private final Payments payments;

	AlipayNotify(AlipayAccount account, Payments payments) {
		this.account = account;
		this.alipayKey = account.alipayKeyBase64();
		this.payments = payments;
	}

	@PostMapping(path = "/alipay/notify", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_PLAIN_VALUE)
	String receive(@RequestParam MultiValueMap<String, String> form) {
		Optional<String> refused = refusal(form);
		if (refused.isPresent()) {
			log.warn("Rejected an Alipay notification for order {}: {}", form.getFirst("out_trade_no"), refused.get());
			return FAIL;
		}
		String orderNo = form.getFirst("out_trade_no");
		if (!AlipayProvider.PAID.contains(form.getFirst("trade_status"))) {
			log.info("Alipay says order {} is {}: nothing to do", orderNo, form.getFirst("trade_status"));
			return SUCCESS;
		}
		try {
			PaymentOutcome outcome = payments.confirm(new PaymentConfirmation(AlipayProvider.ID,
					form.getFirst("trade_no"), orderNo, Money.fen(Yuan.toFen(form.getFirst("total_amount")).orElseThrow())));
			log.info("Alipay payment {} for order {}: {}", form.getFirst("trade_no"), orderNo, outcome);
			return SUCCESS;
		}
		catch (DataAccessException | MongoException e) {
			// Alipay retries for about a day: the payment will be recorded when the database is back.
			log.error("Could not record Alipay payment for order {}: {}", orderNo, e.getMessage());
			return FAIL;
		}
	}

	/** Why the notification is not to be believed; empty when it is Alipay's, for this shop, and well formed. */
	private Optional<String> refusal(MultiValueMap<String, String> form) {
		if (form.values().stream().anyMatch(values -> values.size() != 1)) {
			return Optional.of("a parameter is repeated");
		}
		Map<String, String> params = new HashMap<>(form.toSingleValueMap());
		if (!verified(params)) {
			return Optional.of("bad signature");
		}
		if (!account.appId().equals(params.get("app_id"))) {
			return Optional.of("app_id is another app's");
		}
		if (!account.sellerId().equals(params.get("seller_id"))) {
			return Optional.of("seller_id is another seller's");
		}
		for (String required : List.of("out_trade_no", "trade_no", "trade_status")) {
			if (params.get(required) == null || params.get(required).isBlank() || params.get(required).length() > 64) {
				return Optional.of(required + " is missing");
			}
		}
		if (Yuan.toFen(params.get("total_amount")).isEmpty()) {
			return Optional.of("total_amount is not an amount");
		}
		return Optional.empty();
	}

	/** RSA2 over the sorted parameters without {@code sign} and {@code sign_type}, with Alipay's public key. */
	private boolean verified(Map<String, String> params) {
		if (params.get("sign") == null) {
			return false;
		}
		try {
			return AlipaySignature.rsaCheckV1(params, alipayKey, AlipayConfiguration.CHARSET,
					AlipayConfiguration.SIGN_TYPE);
		}
		catch (AlipayApiException | RuntimeException e) {
			return false;
		}
	}
}
