package io.kamibot.payment.sandbox;

import io.kamibot.ordering.Order;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentProvider;
import io.kamibot.payment.RefundRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Confirms the full price at once, with one transaction id per order so pressing the button twice pays once.
 */
@Component
@ConditionalOnBooleanProperty("kamibot.payment.sandbox.enabled")
@EnableConfigurationProperties(SandboxSettings.class)
class SandboxProvider implements PaymentProvider {

	static final String ID = "sandbox";

	private final SandboxSettings settings;

	SandboxProvider(SandboxSettings settings) {
		this.settings = settings;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean offeredOn(String channel) {
		return settings.channels().contains(channel);
	}

	/** No money moved, so there is nothing to return. */
	@Override
	public void refund(RefundRequest refund) {
	}

	@Override
	public PaymentInstructions start(Order order) {
		return new PaymentInstructions.ConfirmNow(
				new PaymentConfirmation(ID, "sbx-" + order.orderNo(), order.orderNo(), Money.fen(order.totalFen())));
	}
}
