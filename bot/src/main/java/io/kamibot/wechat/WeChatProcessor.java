package io.kamibot.wechat;

import java.util.List;
import java.util.Optional;

import io.kamibot.conversation.Conversation;
import io.kamibot.conversation.Inbound;
import io.kamibot.conversation.Reply;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.delivery.Deliveries;
import io.kamibot.inbox.InboxItem;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import io.kamibot.wechat.WeChatRenderer.Rendered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one stored push into its effect and its answer: a subscription is a {@code /start}, a number answers the
 * last menu, a text goes to the conversation as it is. The answer goes back as the push's passive reply when its
 * request still waits and it is one text, else as customer-service messages. Codes the buyer never received (the
 * 48-hour window was closed) are sent again now that the buyer wrote.
 */
final class WeChatProcessor {

	private static final Logger log = LoggerFactory.getLogger(WeChatProcessor.class);

	private final Conversation conversation;
	private final Customers customers;
	private final Deliveries deliveries;
	private final Texts texts;
	private final Choices choices;
	private final ReplyWaiters waiters;
	private final WeChatSender sender;

	WeChatProcessor(Conversation conversation, Customers customers, Deliveries deliveries, Texts texts,
			Choices choices, ReplyWaiters waiters, WeChatSender sender) {
		this.conversation = conversation;
		this.customers = customers;
		this.deliveries = deliveries;
		this.texts = texts;
		this.choices = choices;
		this.waiters = waiters;
		this.sender = sender;
	}

	/** @throws RuntimeException when the push should be tried again (the inbox brings it back) */
	void process(InboxItem item) {
		try {
			handle(item);
		}
		catch (RuntimeException e) {
			// No passive reply then: the request answers at once, and the retry answers by customer-service message.
			waiters.release(item.id());
			throw e;
		}
	}

	private void handle(InboxItem item) {
		WeChatPush push = WeChatPush.parse(item.payload());
		Optional<Inbound> inbound = inbound(push);
		if (inbound.isEmpty()) {
			waiters.release(item.id());
			return;
		}
		List<Reply> replies = conversation.handle(inbound.get());
		// Read after handling: the message may have changed the buyer's language.
		Customer customer = customers.identify(new ChannelIdentity(WeChatSettings.CHANNEL, push.from()));
		Rendered rendered = WeChatRenderer.render(replies, texts.render(customer.language(), Text.CHOOSE_BY_NUMBER));
		choices.offer(push.from(), rendered.choices());
		answer(item.id(), push.from(), rendered.messages());
		deliveries.remindCustomer(customer.id());
	}

	private Optional<Inbound> inbound(WeChatPush push) {
		String user = push.from();
		if (push.isEvent("subscribe")) {
			// Following by scanning a parametric QR code (qrscene_p_SKU) opens that product, like a deep link.
			String scene = push.eventKey() != null && push.eventKey().startsWith("qrscene_")
					? " " + push.eventKey().substring("qrscene_".length()) : "";
			return Optional.of(Inbound.message(WeChatSettings.CHANNEL, user, user, "/start" + scene));
		}
		if (push.isEvent("SCAN") && push.eventKey() != null) {
			// A follower scanned a parametric QR code: its scene is the key.
			return Optional.of(Inbound.message(WeChatSettings.CHANNEL, user, user, "/start " + push.eventKey()));
		}
		if (push.isEvent("CLICK") && push.eventKey() != null) {
			// Menu buttons of the Official Account carry a command as their key, e.g. /catalog.
			return Optional.of(Inbound.message(WeChatSettings.CHANNEL, user, user, push.eventKey()));
		}
		if ("event".equals(push.type())) {
			// Unsubscribe, location reports, views of menu links: nothing to answer.
			return Optional.empty();
		}
		if ("text".equals(push.type())) {
			Optional<String> chosen = choices.chosen(user, push.content());
			if (chosen.isPresent()) {
				return Optional.of(Inbound.button(WeChatSettings.CHANNEL, user, user, chosen.get()));
			}
			return Optional.of(Inbound.message(WeChatSettings.CHANNEL, user, user, push.content()));
		}
		// Images, voice, stickers: the buyer gets the help and the menu.
		return Optional.of(Inbound.message(WeChatSettings.CHANNEL, user, user, ""));
	}

	/**
	 * The push's effect has happened (an order placed …): an answer WeChat will not take is logged, not retried,
	 * because retrying the push would repeat the effect. Codes are the exception: they are sent again later.
	 */
	private void answer(String pushId, String openId, List<WeChatMessage> messages) {
		if (messages.size() == 1 && messages.get(0) instanceof WeChatMessage.Text text
				&& waiters.answer(pushId, text)) {
			return;
		}
		waiters.release(pushId);
		try {
			sender.send(openId, messages);
		}
		catch (WeChatUnavailable e) {
			log.warn("An answer to a WeChat user was lost (error {}): {}", e.errorCode(), e.getMessage());
		}
	}
}
