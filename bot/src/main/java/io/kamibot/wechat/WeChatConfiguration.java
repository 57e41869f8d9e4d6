package io.kamibot.wechat;

import io.kamibot.conversation.Conversation;
import io.kamibot.customer.Customers;
import io.kamibot.delivery.Deliveries;
import io.kamibot.inbox.Inbox;
import io.kamibot.templates.Texts;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceHttpClientImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WeChat channel, wired by hand: WxJava's client for the API, Kamibot's own push handling. */
@Configuration(proxyBeanMethods = false)
@OnWeChat
@EnableConfigurationProperties(WeChatSettings.class)
class WeChatConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WeChatConfiguration.class);

	WeChatConfiguration() {
		// WxJava logs a failed call's request, whole, at WARN (and every call at DEBUG): a customer-service message
		// carries codes, and the URL the access token. Those lines must never be written, whatever the settings.
		LoggingSystem.get(WeChatConfiguration.class.getClassLoader()).setLogLevel("me.chanjar.weixin", LogLevel.ERROR);
	}

	@Bean
	WxMpConfigStorage weChatAccount(WeChatSettings settings, RedissonClient redis) {
		SharedAccessToken account = new SharedAccessToken(redis, settings.appId());
		account.setSecret(settings.secret());
		account.setToken(settings.token());
		account.setAesKey(settings.aesKey());
		String api = settings.apiUrl().toString().replaceFirst("/+$", "");
		account.setHostConfig(new WxMpHostConfig(api, WxMpHostConfig.OPEN_DEFAULT_HOST_URL,
				WxMpHostConfig.MP_DEFAULT_HOST_URL));
		log.info("WeChat Official Account {} on {} ({} mode)", settings.appId(), api,
				settings.safeMode() ? "safe" : "plaintext");
		return account;
	}

	@Bean
	WxMpService weChatApi(WxMpConfigStorage weChatAccount) {
		WxMpServiceHttpClientImpl api = new WxMpServiceHttpClientImpl();
		api.setWxMpConfigStorage(weChatAccount);
		// WxJava repeats a call WeChat answered "busy" (-1): for a message that may have gone out, that is a
		// second message. Kamibot's own retries (the inbox, code reminders) decide instead.
		api.setMaxRetryTimes(0);
		return api;
	}

	@Bean
	WeChatCrypto weChatCrypto(WeChatSettings settings) {
		return new WeChatCrypto(settings);
	}

	@Bean
	Choices weChatChoices(RedissonClient redis, WeChatSettings settings) {
		return new Choices(redis, settings.choicesKept());
	}

	@Bean
	ReplyWaiters weChatReplyWaiters() {
		return new ReplyWaiters();
	}

	@Bean
	WeChatSender weChatSender(WxMpService weChatApi) {
		return new WeChatSender(weChatApi);
	}

	@Bean
	WeChatOutbox weChatOutbox(Customers customers, Texts texts, Choices weChatChoices, WeChatSender weChatSender) {
		return new WeChatOutbox(customers, texts, weChatChoices, weChatSender);
	}

	@Bean
	WeChatProcessor weChatProcessor(Conversation conversation, Customers customers, Deliveries deliveries,
			Texts texts, Choices weChatChoices, ReplyWaiters weChatReplyWaiters, WeChatSender weChatSender) {
		return new WeChatProcessor(conversation, customers, deliveries, texts, weChatChoices, weChatReplyWaiters,
				weChatSender);
	}

	@Bean
	WeChatWorkers weChatWorkers(Inbox inbox, WeChatProcessor weChatProcessor, WeChatSettings settings) {
		return new WeChatWorkers(inbox, weChatProcessor, settings);
	}
}
