package io.kamibot.telegram;

import java.util.List;

import io.kamibot.conversation.Conversation;
import io.kamibot.conversation.Inbound;
import io.kamibot.conversation.Reply;
import io.kamibot.money.Money;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentOutcome;
import io.kamibot.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

/**
 * Turns one stored update into its effect: a text or a button press goes to the conversation, a
 * {@code successful_payment} to the payments (whose delivery then sends the codes through the outbox).
 */
@Component
@OnTelegram
class TelegramProcessor {

	private static final Logger log = LoggerFactory.getLogger(TelegramProcessor.class);

	private final TelegramJson json;
	private final Conversation conversation;
	private final Payments payments;
	private final TelegramSender sender;
	private final TelegramImport imports;
	private final TelegramQrPhotos photos;

	TelegramProcessor(TelegramJson json, Conversation conversation, Payments payments, TelegramSender sender,
			TelegramImport imports, TelegramQrPhotos photos) {
		this.imports = imports;
		this.photos = photos;
		this.json = json;
		this.conversation = conversation;
		this.payments = payments;
		this.sender = sender;
	}

	void process(String payload) {
		Update update = json.read(payload);
		if (update.hasMessage() && update.getMessage().hasSuccessfulPayment()) {
			paid(update.getMessage());
		}
		else if (update.hasMessage() && update.getMessage().hasText()) {
			Message message = update.getMessage();
			reply(message.getChatId(), conversation.handle(Inbound.message(TelegramSettings.CHANNEL,
					String.valueOf(message.getChatId()), String.valueOf(message.getFrom().getId()), message.getText())));
		}
		else if (update.hasMessage() && update.getMessage().hasDocument()) {
			imports.handle(update.getMessage());
		}
		else if (update.hasMessage() && update.getMessage().hasPhoto()) {
			reply(update.getMessage().getChatId(), photos.handle(update.getMessage()));
		}
		else if (update.hasCallbackQuery()) {
			CallbackQuery press = update.getCallbackQuery();
			// Stops the button's spinner; harmless when repeated after a crash.
			sender.execute(AnswerCallbackQuery.builder().callbackQueryId(press.getId()).build());
			long chat = press.getMessage().getChatId();
			reply(chat, conversation.handle(Inbound.button(TelegramSettings.CHANNEL, String.valueOf(chat),
					String.valueOf(press.getFrom().getId()), press.getData())));
		}
	}

	/**
	 * The charge id is the idempotency key: the same payment delivered twice is recorded once. Payload, currency
	 * and amount are checked against the order by {@link Payments#confirm}.
	 */
	private void paid(Message message) {
		SuccessfulPayment payment = message.getSuccessfulPayment();
		if (!"XTR".equals(payment.getCurrency())) {
			log.error("A successful payment for {} came in {}, not Stars; not fulfilled", payment.getInvoicePayload(),
					payment.getCurrency());
			return;
		}
		PaymentOutcome outcome = payments.confirm(new PaymentConfirmation(StarsProvider.ID,
				payment.getTelegramPaymentChargeId(), payment.getInvoicePayload(),
				Money.stars(payment.getTotalAmount())));
		log.info("Stars payment for order {}: {}", payment.getInvoicePayload(), outcome);
	}

	/**
	 * The update's effect has happened by now (an order placed …): a reply Telegram will not take is logged, not
	 * retried, because retrying the update would repeat the effect.
	 */
	private void reply(long chat, List<Reply> replies) {
		try {
			for (Reply reply : replies) {
				sender.send(String.valueOf(chat), reply);
			}
		}
		catch (TelegramSender.TelegramUnavailable e) {
			log.error("A reply to chat {} was lost: {}", chat, e.getMessage());
		}
	}
}
