package io.kamibot.wechat;

import java.io.ByteArrayInputStream;
import java.util.List;

import me.chanjar.weixin.common.bean.result.WxMediaUploadResult;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

/**
 * Sends customer-service messages through WxJava: texts as they are, images uploaded as temporary media first.
 */
final class WeChatSender {

	private final WxMpService api;

	WeChatSender(WxMpService api) {
		this.api = api;
	}

	/**
	 * Sends the messages in order, stopping at the first WeChat refuses.
	 *
	 * @throws WeChatUnavailable with WeChat's error code
	 */
	void send(String openId, List<WeChatMessage> messages) {
		for (WeChatMessage message : messages) {
			send(openId, message);
		}
	}

	void send(String openId, WeChatMessage message) {
		try {
			if (message instanceof WeChatMessage.Text text) {
				api.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(text.content()).build());
			}
			else if (message instanceof WeChatMessage.Image image) {
				WxMediaUploadResult upload = api.getMaterialService()
					.mediaUpload("image", "png", new ByteArrayInputStream(image.png()));
				api.getKefuService().sendKefuMessage(WxMpKefuMessage.IMAGE().toUser(openId).mediaId(upload.getMediaId()).build());
			}
		}
		catch (WxErrorException e) {
			// The exception's text is WeChat's answer; the request (which may hold a code) is not in it.
			int code = e.getError().getErrorCode();
			throw new WeChatUnavailable(code, code == WeChatUnavailable.WINDOW_CLOSED
					? "WeChat error 45015: the buyer has not written for 48 hours; codes follow their next message"
					: "WeChat error " + code + ": " + e.getError().getErrorMsg());
		}
		catch (RuntimeException e) {
			throw new WeChatUnavailable(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}
}
