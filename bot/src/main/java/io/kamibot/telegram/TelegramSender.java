package io.kamibot.telegram;

import io.kamibot.money.Currency;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.Invoice;
import io.kamibot.conversation.QrCodes;
import io.kamibot.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Renders replies as Bot API calls and sends them within Telegram's limits: texts split at 4096 characters,
 * buttons as inline keyboards, codes only in {@code protect_content} messages, invoices in Stars with one price
 * and no provider token. A 429 is waited out for as long as Telegram asks, a bounded number of times, on the
 * thread serving that chat only.
 */
@Component
@OnTelegram
class TelegramSender {

	static final int MAX_TEXT = 4096;
	static final int MAX_CAPTION = 1024;
	private static final int ATTEMPTS = 3;
	private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

	private final TelegramClient client;
	private final TelegramLimits limits;

	TelegramSender(TelegramClient client, TelegramLimits limits) {
		this.client = client;
		this.limits = limits;
	}

	void send(String chatId, Reply reply) {
		if (reply.file() != null) {
			limits.awaitTurn(chatId);
			sendDocument(chatId, reply);
			return;
		}
		if (reply.qr() != null && reply.invoice() == null && reply.text().length() <= MAX_CAPTION) {
			limits.awaitTurn(chatId);
			sendQr(chatId, reply);
			return;
		}
		for (BotApiMethod<?> method : render(chatId, reply)) {
			limits.awaitTurn(chatId);
			execute(method);
		}
	}

	/** Sends a reply whose turn in the chat was already taken (the alert dispatcher counts turns itself). */
	void sendWithinTurn(String chatId, Reply reply) {
		for (BotApiMethod<?> method : render(chatId, reply)) {
			limits.awaitOverall();
			execute(method);
		}
	}

	/** Sends a PNG with a caption (at most 1024 characters) and buttons; its turn in the chat was already taken. */
	void sendPhotoWithinTurn(String chatId, byte[] png, String caption, List<List<Button>> buttons) {
		limits.awaitOverall();
		SendPhoto photo = SendPhoto.builder()
			.chatId(chatId)
			.photo(new InputFile(new ByteArrayInputStream(png), "chart.png"))
			.caption(caption.length() > MAX_CAPTION ? caption.substring(0, MAX_CAPTION - 1) + "…" : caption)
			.replyMarkup(buttons.isEmpty() ? null : keyboard(buttons))
			.build();
		try {
			client.execute(photo);
		}
		catch (TelegramApiException e) {
			throw new TelegramUnavailable("sendPhoto", e);
		}
	}

	/**
	 * A QR image (an own voucher's code, to show at a counter) with the reply's text as caption; protected from
	 * forwarding when it carries codes.
	 */
	private void sendQr(String chatId, Reply reply) {
		SendPhoto photo = SendPhoto.builder()
			.chatId(chatId)
			.photo(new InputFile(new ByteArrayInputStream(QrCodes.png(reply.qr())), "qr.png"))
			.caption(reply.text())
			.protectContent(reply.carriesCodes() ? Boolean.TRUE : null)
			.replyMarkup(reply.buttons().isEmpty() ? null : keyboard(reply.buttons()))
			.build();
		try {
			client.execute(photo);
		}
		catch (TelegramApiException e) {
			throw new TelegramUnavailable("sendPhoto", e);
		}
	}

	/** A file with the reply's text as caption; protected from forwarding, as files carry codes. */
	private void sendDocument(String chatId, Reply reply) {
		String caption = reply.text();
		SendDocument document = SendDocument.builder()
			.chatId(chatId)
			.document(new InputFile(new ByteArrayInputStream(reply.file().content()), reply.file().name()))
			.caption(caption.length() > MAX_CAPTION ? caption.substring(0, MAX_CAPTION - 1) + "…" : caption)
			.protectContent(Boolean.TRUE)
			.build();
		try {
			client.execute(document);
		}
		catch (TelegramApiException e) {
			throw new TelegramUnavailable("sendDocument", e);
		}
	}

	<T extends Serializable> T execute(BotApiMethod<T> method) {
		for (int attempt = 1;; attempt++) {
			try {
				return client.execute(method);
			}
			catch (TelegramApiRequestException e) {
				Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
				if (retryAfter == null || attempt == ATTEMPTS) {
					throw new TelegramUnavailable(method.getMethod(), e);
				}
				log.warn("Telegram asked to wait {} s before {}", retryAfter, method.getMethod());
				sleep(retryAfter);
			}
			catch (TelegramApiException e) {
				throw new TelegramUnavailable(method.getMethod(), e);
			}
		}
	}

	static List<BotApiMethod<?>> render(String chatId, Reply reply) {
		if (reply.invoice() != null) {
			return List.of(invoice(chatId, reply.invoice()));
		}
		List<String> parts = split(reply.text());
		List<BotApiMethod<?>> messages = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			boolean last = i == parts.size() - 1;
			messages.add(SendMessage.builder()
				.chatId(chatId)
				.text(parts.get(i))
				.protectContent(reply.carriesCodes() ? Boolean.TRUE : null)
				.replyMarkup(last && !reply.buttons().isEmpty() ? keyboard(reply.buttons()) : null)
				.build());
		}
		return messages;
	}

	private static SendInvoice invoice(String chatId, Invoice invoice) {
		if (invoice.amount().currency() != Currency.XTR) {
			throw new IllegalArgumentException("Telegram sells digital goods for Stars only");
		}
		return SendInvoice.builder()
			.chatId(chatId)
			.title(invoice.title())
			.description(invoice.description())
			.payload(invoice.payload())
			.providerToken("")
			.currency("XTR")
			.price(LabeledPrice.builder().label(invoice.title()).amount(Math.toIntExact(invoice.amount().minor())).build())
			.build();
	}

	private static InlineKeyboardMarkup keyboard(List<List<Button>> buttons) {
		List<InlineKeyboardRow> rows = new ArrayList<>();
		for (List<Button> row : buttons) {
			rows.add(new InlineKeyboardRow(row.stream()
				.map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build())
				.toList()));
		}
		return InlineKeyboardMarkup.builder().keyboard(rows).build();
	}

	/** Splits at line breaks where possible so no part exceeds the limit. */
	static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		String rest = text;
		while (rest.length() > MAX_TEXT) {
			int cut = rest.lastIndexOf('\n', MAX_TEXT);
			cut = cut > 0 ? cut : MAX_TEXT;
			parts.add(rest.substring(0, cut));
			rest = rest.substring(cut).stripLeading();
		}
		parts.add(rest.isEmpty() ? "…" : rest);
		return parts;
	}

	private static void sleep(int seconds) {
		try {
			Thread.sleep(seconds * 1000L);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Telegram", e);
		}
	}

	/** Telegram did not take a call; the caller retries the update later. */
	static class TelegramUnavailable extends RuntimeException {

		TelegramUnavailable(String method, Exception cause) {
			super("Telegram refused " + method + ": " + cause.getMessage(), cause);
		}
	}
}
