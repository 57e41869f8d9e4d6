package io.kamibot.webchat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
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

	/**
	 * @param chatToken the token the chat was just bound to: only in the answer to a new chat's first call, and
	 *     never again
	 */
	record Replies(List<ReplyView> replies, @JsonInclude(JsonInclude.Include.NON_NULL) String chatToken) {

		static Replies of(List<Reply> replies, String chatToken) {
			return new Replies(replies.stream().map(ReplyView::of).toList(), chatToken);
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
