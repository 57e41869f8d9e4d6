package io.kamibot.telegram;

import java.util.List;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.Invoice;
import io.kamibot.conversation.Reply;
import io.kamibot.money.Money;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramRenderingTest {

	@Test
	void splitsLongTextsAtLineBreaksWithinTheLimitAndPutsButtonsOnTheLastPart() {
		String line = "一二三四五六七八九十".repeat(9) + "\n";
		Reply reply = Reply.withButtons(line.repeat(100), List.of(List.of(new Button("ok", "help"))));

		List<BotApiMethod<?>> parts = TelegramSender.render("42", reply);

		assertThat(parts).hasSizeGreaterThan(1);
		for (BotApiMethod<?> part : parts) {
			assertThat(((SendMessage) part).getText().length()).isLessThanOrEqualTo(TelegramSender.MAX_TEXT);
		}
		assertThat(((SendMessage) parts.get(parts.size() - 1)).getReplyMarkup()).isNotNull();
		assertThat(((SendMessage) parts.get(0)).getReplyMarkup()).isNull();
		assertThat(parts.stream().map(p -> ((SendMessage) p).getText()).reduce("", String::concat).replace("\n", ""))
			.isEqualTo(line.repeat(100).replace("\n", ""));
	}

	@Test
	void protectsMessagesThatCarryCodesAndOnlyThose() {
		SendMessage codes = (SendMessage) TelegramSender.render("42", new Reply("CODE-1", List.of(), List.of("CODE-1")))
			.get(0);
		SendMessage plain = (SendMessage) TelegramSender.render("42", Reply.text("hello")).get(0);
		assertThat(codes.getProtectContent()).isTrue();
		assertThat(plain.getProtectContent()).isNull();
	}

	@Test
	void billsInStarsWithOnePriceAndNoProviderToken() {
		SendInvoice invoice = (SendInvoice) TelegramSender
			.render("42", Reply.invoice(new Invoice("月卡会员 Monthly membership card, the long title", "desc", "K261122ABCDEFGH",
					Money.stars(75))))
			.get(0);
		assertThat(invoice.getCurrency()).isEqualTo("XTR");
		assertThat(invoice.getPrices()).hasSize(1);
		assertThat(invoice.getPrices().get(0).getAmount()).isEqualTo(75);
		assertThat(invoice.getProviderToken()).isEmpty();
		assertThat(invoice.getTitle().length()).isLessThanOrEqualTo(32);
		assertThat(invoice.getPayload()).isEqualTo("K261122ABCDEFGH");
		assertThatThrownBy(() -> TelegramSender.render("42",
				Reply.invoice(new Invoice("t", "d", "K261122ABCDEFGH", Money.fen(100)))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
