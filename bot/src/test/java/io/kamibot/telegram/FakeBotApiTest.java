package io.kamibot.telegram;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultLongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives {@link FakeBotApi} with the real TelegramBots client, so the fake stays faithful to it. */
@Timeout(60)
class FakeBotApiTest {

	private static final String TOKEN = "123456:TEST-token";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final FakeBotApi fake = new FakeBotApi(TOKEN);

	private OkHttpTelegramClient client;

	@BeforeEach
	void start() throws Exception {
		this.fake.start();
		this.client = new OkHttpTelegramClient(TOKEN, telegramUrl());
	}

	@AfterEach
	void stop() {
		this.fake.close();
	}

	@Test
	void sendMessageReturnsAMessageAndIsRecordedWithItsKeyboard() throws Exception {
		InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
			.keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Buy").callbackData("buy:1").build()))
			.build();
		Message sent = this.client
			.execute(SendMessage.builder().chatId(42L).text("Pick one").replyMarkup(keyboard).build());

		assertThat(sent.getMessageId()).isPositive();
		assertThat(sent.getChatId()).isEqualTo(42L);
		assertThat(sent.getText()).isEqualTo("Pick one");
		FakeBotApi.Call call = this.fake.awaitCall("sendMessage", (c) -> true, WAIT);
		assertThat(call.param("chat_id")).isEqualTo("42");
		assertThat(call.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("buy:1");
		assertThat(call.failed()).isFalse();
	}

	@Test
	void injected429SurfacesRetryAfterAndTheNextCallSucceeds() throws Exception {
		this.fake.failNext("sendMessage", 1, 429, 1);
		SendMessage hello = SendMessage.builder().chatId(7L).text("hello").build();

		assertThatThrownBy(() -> this.client.execute(hello)).isInstanceOfSatisfying(TelegramApiRequestException.class,
				(ex) -> {
					assertThat(ex.getErrorCode()).isEqualTo(429);
					assertThat(ex.getParameters().getRetryAfter()).isEqualTo(1);
				});
		assertThat(this.client.execute(hello).getText()).isEqualTo("hello");
		assertThat(this.fake.calls("sendMessage")).extracting(FakeBotApi.Call::failed).containsExactly(true, false);
	}

	@Test
	void perChatFailuresLeaveOtherChatsAlone() throws Exception {
		this.fake.failNextForChat("sendMessage", "1001", 1, 3);

		assertThat(this.client.execute(SendMessage.builder().chatId(1002L).text("fine").build())).isNotNull();
		assertThatThrownBy(() -> this.client.execute(SendMessage.builder().chatId(1001L).text("slow down").build()))
			.isInstanceOfSatisfying(TelegramApiRequestException.class,
					(ex) -> assertThat(ex.getParameters().getRetryAfter()).isEqualTo(3));
		assertThat(this.client.execute(SendMessage.builder().chatId(1001L).text("again").build())).isNotNull();
	}

	@Test
	void multipartUploadsRecordTheirFieldsAndFileSize() throws Exception {
		byte[] codes = "CODE-1\nCODE-2\n".getBytes(StandardCharsets.UTF_8);
		Message sent = this.client.execute(SendDocument.builder()
			.chatId(42L)
			.document(new InputFile(new ByteArrayInputStream(codes), "codes.txt"))
			.caption("你的兑换码")
			.build());

		assertThat(sent.getCaption()).isEqualTo("你的兑换码");
		FakeBotApi.Call call = this.fake.awaitCall("sendDocument", (c) -> true, WAIT);
		assertThat(call.param("chat_id")).isEqualTo("42");
		assertThat(call.param("document_filename")).isEqualTo("codes.txt");
		assertThat(call.params().get("document_bytes").asInt()).isEqualTo(codes.length);
	}

	@Test
	void sendInvoiceAnswersWithTheInvoiceTotal() throws Exception {
		Message sent = this.client.execute(SendInvoice.builder()
			.chatId(42L)
			.title("Gift card")
			.description("100 CNY")
			.payload("order-1")
			.currency("XTR")
			.price(new LabeledPrice("Gift card", 50))
			.price(new LabeledPrice("Fee", 2))
			.build());

		assertThat(sent.getInvoice().getTotalAmount()).isEqualTo(52);
		assertThat(this.fake.calls("sendInvoice").get(0).param("payload")).isEqualTo("order-1");
	}

	@Test
	void wrongTokenIsUnauthorized() {
		OkHttpTelegramClient stranger = new OkHttpTelegramClient("999:wrong", telegramUrl());

		assertThatThrownBy(() -> stranger.execute(SendMessage.builder().chatId(1L).text("hi").build()))
			.isInstanceOfSatisfying(TelegramApiRequestException.class,
					(ex) -> assertThat(ex.getErrorCode()).isEqualTo(401));
	}

	@Test
	void longPollingReceivesPushedUpdatesAndConfirmsThem() throws Exception {
		List<Update> received = new CopyOnWriteArrayList<>();
		// LongPollingSingleThreadUpdateConsumer is deprecated in 10.2; this is its replacement (own executor).
		DefaultLongPollingUpdateConsumer consumer = new DefaultLongPollingUpdateConsumer() {
			@Override
			public void consume(Update update) {
				received.add(update);
			}
		};
		TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
		try {
			// The generator gets the last update_id received (0 at first), not the next offset: add 1,
			// as the library's DefaultGetUpdatesGenerator does, or the last update is never confirmed.
			app.registerBot(TOKEN, this::telegramUrl,
					(last) -> GetUpdates.builder().offset(last + 1).timeout(1).build(), consumer);
			this.fake.push(this.fake.message(1, 42, 42, "/start"));
			this.fake.push(this.fake.callback(2, 42, 42, "buy:1", 101));
			this.fake.push(this.fake.preCheckout(3, 42, "XTR", 50, "order-1"));
			this.fake.push(this.fake.successfulPayment(4, 42, 42, "XTR", 50, "order-1", "charge-1"));

			await().atMost(WAIT).until(() -> received.size() >= 4);
			assertThat(received).extracting(Update::getUpdateId).containsExactly(1, 2, 3, 4);
			assertThat(received.get(0).getMessage().getText()).isEqualTo("/start");
			assertThat(received.get(0).getMessage().getFrom().getLanguageCode()).isEqualTo("zh-hans");
			assertThat(received.get(1).getCallbackQuery().getData()).isEqualTo("buy:1");
			assertThat(received.get(2).getPreCheckoutQuery().getInvoicePayload()).isEqualTo("order-1");
			assertThat(received.get(3).getMessage().getSuccessfulPayment().getTelegramPaymentChargeId())
				.isEqualTo("charge-1");

			this.fake.awaitCall("getUpdates", (c) -> c.params().path("offset").asLong() == 5, WAIT);
			assertThat(this.fake.confirmedOffset()).isEqualTo(5);
			assertThat(this.fake.pending()).isZero();
			assertThat(this.fake.calls("deleteWebhook")).hasSize(1);
		}
		finally {
			app.close();
		}
	}

	private TelegramUrl telegramUrl() {
		return new TelegramUrl("http", "127.0.0.1", this.fake.port(), false);
	}

}
