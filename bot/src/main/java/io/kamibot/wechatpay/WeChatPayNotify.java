package io.kamibot.wechatpay;

import java.time.Clock;

import com.mongodb.MongoException;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentOutcome;
import io.kamibot.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /wechat/pay/notify}: WeChat Pay's payment notifications. The raw body is verified before it is read
 * (see {@link NotifyVerifier}); a paid transaction is then confirmed through {@link Payments}, which checks it
 * against the order and counts it once however often it arrives. 204 tells WeChat Pay to stop sending it, also for
 * a duplicate, a mismatch or a payment its order could not take (recorded, and refunded or held for an admin); any
 * other answer makes it retry.
 */
@RestController
@OnWeChatPay
class WeChatPayNotify {

	private static final Logger log = LoggerFactory.getLogger(WeChatPayNotify.class);

	/** The body WeChat Pay expects with a failure. */
	record Failure(String code, String message) {

		Failure(String message) {
			this("FAIL", message);
		}
	}

	private final NotifyVerifier verifier;
	private final Payments payments;

	WeChatPayNotify(Merchant merchant, Clock clock, Payments payments) {
		this.verifier = new NotifyVerifier(merchant, clock);
		this.payments = payments;
	}

	@PostMapping("/wechat/pay/notify")
	ResponseEntity<Failure> receive(@RequestHeader(name = NotifyVerifier.TIMESTAMP, required = false) String timestamp,
			@RequestHeader(name = NotifyVerifier.NONCE, required = false) String nonce,
			@RequestHeader(name = NotifyVerifier.SIGNATURE, required = false) String signature,
			@RequestHeader(name = NotifyVerifier.SERIAL, required = false) String serial,
			@RequestBody(required = false) byte[] body) {
		PaidTransaction transaction;
		try {
			transaction = verifier.verify(timestamp, nonce, signature, serial, body == null ? new byte[0] : body);
		}
		catch (NotifyRejected e) {
			log.warn("Rejected a WeChat Pay notification ({}): {}", e.status().value(), e.getMessage());
			return ResponseEntity.status(e.status()).body(new Failure(e.getMessage()));
		}
		if (!transaction.succeeded()) {
			log.info("WeChat Pay says order {} is {}: nothing to do", transaction.outTradeNo(),
					transaction.tradeState());
			return ResponseEntity.noContent().build();
		}
		try {
			PaymentOutcome outcome = payments.confirm(new PaymentConfirmation(WeChatPayProvider.ID,
					transaction.transactionId(), transaction.outTradeNo(), Money.fen(transaction.total())));
			log.info("WeChat Pay payment {} for order {}: {}", transaction.transactionId(), transaction.outTradeNo(),
					outcome);
			return ResponseEntity.noContent().build();
		}
		catch (IllegalArgumentException | NullPointerException e) {
			log.warn("Rejected a WeChat Pay notification for order {}: {}", transaction.outTradeNo(), e.getMessage());
			return ResponseEntity.badRequest().body(new Failure("incomplete transaction"));
		}
		catch (DataAccessException | MongoException e) {
			// WeChat Pay retries for about a day: the payment will be recorded when the database is back.
			log.error("Could not record WeChat Pay payment for order {}: {}", transaction.outTradeNo(),
					e.getMessage());
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new Failure("try again"));
		}
	}
}
