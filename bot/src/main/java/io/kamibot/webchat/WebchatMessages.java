package io.kamibot.webchat;

import java.util.List;

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

	record ReplyView(String text, List<List<ButtonView>> buttons, List<String> codes) {

		static ReplyView of(Reply reply) {
			return new ReplyView(reply.text(),
					reply.buttons().stream().map(row -> row.stream().map(b -> new ButtonView(b.label(), b.data())).toList()).toList(),
					reply.codes());
		}
	}

	record ButtonView(String label, String data) {
	}
}
