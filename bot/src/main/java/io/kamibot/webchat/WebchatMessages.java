package io.kamibot.webchat;

import java.util.List;

import io.kamibot.conversation.QrCodes;
import io.kamibot.conversation.Reply;

/** The JSON the web chat endpoints speak. */
final class WebchatMessages {

	private WebchatMessages() {
	}

	record TextMessage(String text) {
	}

	record ButtonPress(String data) {
	}

	record Replies(List<ReplyView> replies) {

		static Replies of(List<Reply> replies) {
			return new Replies(replies.stream().map(ReplyView::of).toList());
		}
	}

	/** @param qr a PNG {@code data:} URL of the QR code to scan (a payment), or {@code null} */
	record ReplyView(String text, List<List<ButtonView>> buttons, List<String> codes, String qr) {

		static ReplyView of(Reply reply) {
			return new ReplyView(reply.text(),
					reply.buttons().stream().map(row -> row.stream().map(b -> new ButtonView(b.label(), b.data())).toList()).toList(),
					reply.codes(), reply.qr() == null ? null : QrCodes.dataUrl(reply.qr()));
		}
	}

	record ButtonView(String label, String data) {
	}
}
