package io.kamibot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Wires the TelegramBots client by hand (there is no Spring starter for 10.x). */
@Configuration(proxyBeanMethods = false)
@OnTelegram
@EnableConfigurationProperties(TelegramSettings.class)
class TelegramConfiguration {

	@Bean
	TelegramClient telegramClient(TelegramSettings settings) {
		return new OkHttpTelegramClient(settings.token(), settings.telegramUrl());
	}

	/** Reads and writes updates as the inbox keeps them: Telegram's own JSON. */
	@Bean
	TelegramJson telegramJson() {
		return new TelegramJson(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
	}
}
