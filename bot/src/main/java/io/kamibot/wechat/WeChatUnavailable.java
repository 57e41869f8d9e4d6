package io.kamibot.wechat;

/**
 * WeChat did not take a message.
 *
 * @see #windowClosed()
 */
final class WeChatUnavailable extends RuntimeException {

	/** The buyer has not written for 48 hours: customer-service messages are refused until they write again. */
	static final int WINDOW_CLOSED = 45015;

	private final int errorCode;

	WeChatUnavailable(int errorCode, String message) {
		super(message, null, false, false);
		this.errorCode = errorCode;
	}

	int errorCode() {
		return errorCode;
	}

	boolean windowClosed() {
		return errorCode == WINDOW_CLOSED;
	}
}
