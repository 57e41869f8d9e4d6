package io.kamibot.wechat;

/** One message as WeChat carries it: a text, or an image. */
sealed interface WeChatMessage {

	record Text(String content) implements WeChatMessage {

		@Override
		public String toString() {
			// Texts may carry codes.
			return "Text[" + content.length() + " chars]";
		}
	}

	record Image(byte[] png) implements WeChatMessage {

		@Override
		public String toString() {
			return "Image[" + png.length + " bytes]";
		}
	}
}
