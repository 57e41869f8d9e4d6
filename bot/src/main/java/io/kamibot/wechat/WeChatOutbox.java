package io.kamibot.wechat;

import io.kamibot.conversation.ChannelOutbox;
import io.kamibot.conversation.Reply;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import io.kamibot.wechat.WeChatRenderer.Rendered;

import java.util.List;

/**
 * Messages to a WeChat buyer outside of an answer (their codes, an expiry notice) as customer-service messages.
 * WeChat takes them only within 48 hours of the buyer's last message; outside, the send fails with
 * {@link WeChatUnavailable#windowClosed()} and the codes go out with the buyer's next message.
 */
final class WeChatOutbox implements ChannelOutbox {

	private final Customers customers;
	private final Texts texts;
	private final Choices choices;
	private final WeChatSender sender;

	WeChatOutbox(Customers customers, Texts texts, Choices choices, WeChatSender sender) {
		this.customers = customers;
		this.texts = texts;
		this.choices = choices;
		this.sender = sender;
	}

	@Override
	public String channel() {
		return WeChatSettings.CHANNEL;
	}

	@Override
	public void send(String openId, Reply reply) {
		Customer customer = customers.identify(new ChannelIdentity(WeChatSettings.CHANNEL, openId));
		Rendered rendered = WeChatRenderer.render(List.of(reply),
				texts.render(customer.language(), Text.CHOOSE_BY_NUMBER));
		choices.offer(openId, rendered.choices());
		sender.send(openId, rendered.messages());
	}
}
