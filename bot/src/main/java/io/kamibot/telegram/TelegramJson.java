package io.kamibot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates to and from the JSON the inbox stores. */
class TelegramJson {

	private final ObjectMapper mapper;

	TelegramJson(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	String write(Update update) {
		try {
			return mapper.writeValueAsString(update);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write update " + update.getUpdateId(), e);
		}
	}

	Update read(String json) {
		try {
			return mapper.readValue(json, Update.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot read a stored update", e);
		}
	}
}
