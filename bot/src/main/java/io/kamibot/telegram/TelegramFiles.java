package io.kamibot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;

/**
 * Streams files people send the bot from the configured Bot API server. TelegramBots' own download always goes to
 * api.telegram.org, whatever server the client talks to, so it would miss a self-hosted server. The URL holds the
 * token: it is never logged.
 */
@Component
@OnTelegram
class TelegramFiles {

	private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

	private final TelegramSettings settings;
	private final TelegramSender sender;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	TelegramFiles(TelegramSettings settings, TelegramSender sender) {
		this.settings = settings;
		this.sender = sender;
	}

	InputStream open(String fileId) {
		File file = sender.execute(GetFile.builder().fileId(fileId).build());
		URI url = URI.create(settings.apiUrl().toString().replaceFirst("/$", "") + "/file/bot" + settings.token() + "/"
				+ file.getFilePath());
		try {
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(DOWNLOAD_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				response.body().close();
				throw new IOException("HTTP " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Downloading the file from Telegram failed (" + e.getClass().getSimpleName()
					+ ")", new IOException("download failed"));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while downloading from Telegram");
		}
	}
}
