package io.kamibot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.kamibot.conversation.Conversation;
import io.kamibot.conversation.Inbound;
import io.kamibot.conversation.Reply;
import io.kamibot.counter.QrImages;
import io.kamibot.redemption.Redeemers;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * A photo of a voucher's QR code sent to a redeemer's staff group redeems it, as {@code /redeem CODE} would. Photos
 * anywhere else are ignored; one without a readable QR code gets the usage of {@code /redeem}.
 */
@Component
@OnTelegram
class TelegramQrPhotos {

	/** A QR photo is small; a bigger size of the same photo is not read. */
	private static final int MAX_BYTES = 5 * 1024 * 1024;

	private final TelegramFiles files;
	private final Redeemers redeemers;
	private final Conversation conversation;

	TelegramQrPhotos(TelegramFiles files, Redeemers redeemers, Conversation conversation) {
		this.files = files;
		this.redeemers = redeemers;
		this.conversation = conversation;
	}

	/** @return the replies to send, none when the chat is no counter */
	List<Reply> handle(Message message) {
		String chat = String.valueOf(message.getChatId());
		if (redeemers.byStaffChat(TelegramSettings.CHANNEL + ":" + chat).isEmpty()) {
			return List.of();
		}
		Optional<String> code = message.getPhoto().stream()
			.filter(p -> p.getFileSize() == null || p.getFileSize() <= MAX_BYTES)
			.max(Comparator.comparing(PhotoSize::getWidth))
			.flatMap(p -> QrImages.read(download(p.getFileId())));
		return conversation.handle(Inbound.message(TelegramSettings.CHANNEL, chat,
				String.valueOf(message.getFrom().getId()), "/redeem " + code.orElse("")));
	}

	private byte[] download(String fileId) {
		try (InputStream in = files.open(fileId)) {
			return in.readNBytes(MAX_BYTES);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Reading a photo from Telegram failed", new IOException("read failed"));
		}
	}
}
