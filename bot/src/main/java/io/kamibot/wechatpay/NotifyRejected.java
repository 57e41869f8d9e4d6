package io.kamibot.wechatpay;

import org.springframework.http.HttpStatus;

/** A payment notification that is not processed, and the status WeChat Pay is answered with. */
class NotifyRejected extends RuntimeException {

	private final HttpStatus status;

	NotifyRejected(HttpStatus status, String reason) {
		super(reason);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}
}
