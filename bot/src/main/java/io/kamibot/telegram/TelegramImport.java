package io.kamibot.telegram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import io.kamibot.admins.Admins;
import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Sku;
import io.kamibot.catalog.UnknownProduct;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.stock.ImportReport;
import io.kamibot.stock.ImportTooLarge;
import io.kamibot.stock.NotText;
import io.kamibot.stock.Stock;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /import SKU} as the caption of an uploaded file, from an admin: the file is streamed from Telegram into
 * the stock import while one message shows the progress, edited as it runs, and finally the import report.
 * Documents from anyone else are ignored.
 */
@Component
@OnTelegram
class TelegramImport {

	private static final Logger log = LoggerFactory.getLogger(TelegramImport.class);
	/** The Bot API lets bots download files up to 20 MB. */
	static final long MAX_BYTES = 20L * 1024 * 1024;
	private static final long EDIT_EVERY_NANOS = 3_000_000_000L;
	private static final int LISTED_REJECTIONS = 20;

	private final TelegramFiles files;
	private final TelegramSender sender;
	private final TelegramLimits limits;
	private final Admins admins;
	private final Customers customers;
	private final Stock stock;
	private final Texts texts;
	private final AuditLog audit;

	TelegramImport(TelegramFiles files, TelegramSender sender, TelegramLimits limits, Admins admins,
			Customers customers, Stock stock, Texts texts, AuditLog audit) {
		this.files = files;
		this.sender = sender;
		this.limits = limits;
		this.admins = admins;
		this.customers = customers;
		this.stock = stock;
		this.texts = texts;
		this.audit = audit;
	}

	void handle(Message message) {
		ChannelIdentity identity = new ChannelIdentity(TelegramSettings.CHANNEL, String.valueOf(message.getFrom().getId()));
		if (!admins.isAdmin(identity)) {
			return;
		}
		Locale locale = customers.identify(identity).language();
		String chat = String.valueOf(message.getChatId());
		String[] words = message.getCaption() == null ? new String[0] : message.getCaption().strip().split("\\s+");
		if (words.length != 2 || !words[0].replaceFirst("@.*$", "").equalsIgnoreCase("/import")) {
			say(chat, texts.render(locale, Text.IMPORT_USAGE));
			return;
		}
		Document document = message.getDocument();
		if (document.getFileSize() != null && document.getFileSize() > MAX_BYTES) {
			say(chat, texts.render(locale, Text.IMPORT_TOO_LARGE, MAX_BYTES / 1024 / 1024));
			return;
		}
		Sku sku;
		try {
			sku = new Sku(words[1]);
		}
		catch (IllegalArgumentException e) {
			say(chat, texts.render(locale, Text.IMPORT_USAGE));
			return;
		}
		Message progress = say(chat, texts.render(locale, Text.IMPORT_PROGRESS, sku, 0));
		ImportReport report;
		try (InputStream in = new Progress(files.open(document.getFileId()), document.getFileSize(),
				percent -> edit(progress, texts.render(locale, Text.IMPORT_PROGRESS, sku, percent)))) {
			report = stock.importCodes(sku, in, "telegram:" + identity.userId() + ":" + document.getFileName(),
					MAX_BYTES);
		}
		catch (UnknownProduct e) {
			edit(progress, texts.render(locale, Text.PRODUCT_UNAVAILABLE, sku));
			return;
		}
		catch (NotText e) {
			edit(progress, texts.render(locale, Text.IMPORT_NOT_TEXT, sku, e.garbled(), e.lines()));
			return;
		}
		catch (ImportTooLarge e) {
			// The file said it was smaller, or did not say: a self-hosted Bot API server serves larger files.
			edit(progress, texts.render(locale, Text.IMPORT_TOO_LARGE, MAX_BYTES / 1024 / 1024));
			return;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		audit.record(identity.toString(), "stock.import", sku.value(),
				report.imported() + " imported, batch " + report.batchId());
		String rejected = report.rejected().isEmpty() ? ""
				: texts.render(locale, Text.IMPORT_REJECTED_LINES, report.rejected().stream()
					.limit(LISTED_REJECTIONS)
					.map(r -> r.line() + " " + r.reason())
					.collect(Collectors.joining(", ")));
		edit(progress, texts.render(locale, Text.IMPORT_REPORT, sku, report.imported(), report.duplicates(),
				report.rejectedCount(), rejected));
	}

	private Message say(String chat, String text) {
		limits.awaitTurn(chat);
		return sender.execute(SendMessage.builder().chatId(chat).text(text).build());
	}

	private void edit(Message message, String text) {
		limits.awaitTurn(String.valueOf(message.getChatId()));
		try {
			sender.execute(EditMessageText.builder()
				.chatId(message.getChatId())
				.messageId(message.getMessageId())
				.text(text)
				.build());
		}
		catch (TelegramSender.TelegramUnavailable e) {
			// Only the progress display suffers; the import goes on.
			log.warn("Could not update the import progress: {}", e.getMessage());
		}
	}

	/** Counts the bytes read and reports whole percents, at most every few seconds. */
	private static final class Progress extends FilterInputStream {

		private final long total;
		private final IntConsumer report;
		private long read;
		private long lastReport = System.nanoTime();
		private int lastPercent;

		Progress(InputStream in, Long total, IntConsumer report) {
			super(in);
			this.total = total == null ? 0 : total;
			this.report = report;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			counted(b < 0 ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			counted(Math.max(n, 0));
			return n;
		}

		private void counted(int n) {
			read += n;
			if (total <= 0 || System.nanoTime() - lastReport < EDIT_EVERY_NANOS) {
				return;
			}
			int percent = (int) Math.min(99, read * 100 / total);
			if (percent > lastPercent) {
				lastPercent = percent;
				lastReport = System.nanoTime();
				report.accept(percent);
			}
		}
	}
}
