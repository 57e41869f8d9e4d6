package io.kamibot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.kamibot.benefits.BenefitIssuing;
import io.kamibot.benefits.CatchUp;
import io.kamibot.benefits.Plan;
import io.kamibot.benefits.PlanDraft;
import io.kamibot.benefits.PlanRecipients;
import io.kamibot.benefits.PlanStatus;
import io.kamibot.benefits.Plans;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.resellers.ResellerDraft;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.resellers.Resellers;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reseller in Telegram, through the real TelegramBots client: files arrive as protected documents; and a benefit
 * plan the reseller pays for, its codes in the recipient's chat and its pause button in the admin's.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
class TelegramResellerTest {

	private static final String TOKEN = "123456:RESELLER-TOKEN";
	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final FakeBotApi telegram = new FakeBotApi(TOKEN);
	private static final AtomicLong updates = new AtomicLong(5000);
	private static final long ADMIN = 9901;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Resellers resellers;

	@Autowired
	ResellerWallets wallets;

	@Autowired
	Plans plans;

	@Autowired
	PlanRecipients recipients;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	TestClock clock;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) throws IOException {
		telegram.start();
		registry.add("kamibot.telegram.token", () -> TOKEN);
		// Private chats at Telegram's pace (3 in 3 s) would add seconds to every conversation here; the pace itself
		// is tested in TelegramPurchaseTest and TelegramLimitsTest.
		registry.add("kamibot.telegram.private-chat-pace", () -> "100/1s");
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.poll-timeout", () -> "1s");
		registry.add("kamibot.resellers.low-balance-fen", () -> "5000");
		registry.add("kamibot.admin.telegram-ids", () -> String.valueOf(ADMIN));
	}

	@AfterAll
	static void stop() {
		telegram.close();
	}

	@Test
	void aLinkedResellerGetsTheCodesAsAProtectedDocumentAndIsToldOfALowBalance() {
		Sku sku = new Sku("TG-BULK");
		catalog.save(sku, new ProductDraft("Bulk card", null, null, 1000L, 10L, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines("TG-BULK", 10)), "test");
		String code = resellers.save("tg-reseller", new ResellerDraft("TG Shop", 1, null, null, null, null)).linkCode();
		wallets.topUp("tg-reseller", 10_000, "opening", null);
		long chat = 8101;

		say(chat, "/link " + code);
		assertThat(telegram.awaitCall("sendMessage", c -> chat(c, chat), WAIT).param("text")).contains("TG Shop");
		say(chat, "/bulk TG-BULK 6 TG-PO-1");

		FakeBotApi.Call document = telegram.awaitCall("sendDocument", c -> chat(c, chat), WAIT);
		assertThat(document.param("protect_content")).isEqualTo("true");
		assertThat(document.param("document_filename")).endsWith(".csv");
		assertThat(Long.parseLong(document.param("document_bytes"))).isGreaterThan(6 * "TG-BULK-0000".length());
		assertThat(document.param("caption")).contains("TG-PO-1").contains("¥60.00");
		FakeBotApi.Call low = telegram.awaitCall("sendMessage",
				c -> chat(c, chat) && c.param("text").contains("¥40.00"), WAIT);
		assertThat(low.param("text")).contains("¥50.00");

		say(chat, "/statement");
		FakeBotApi.Call statement = telegram.awaitCall("sendDocument",
				c -> chat(c, chat) && c.param("document_filename").startsWith("statement-"), WAIT);
		assertThat(statement.param("caption")).contains("2");
	}

	@Test
	void anAdminTopsUpByChatOncePerRefAndNobodyElseCan() {
		resellers.save("tg-topup", new ResellerDraft("Topped", 1, null, null, null, null));
		long stranger = 8102;

		say(stranger, "/topup tg-topup 5000 BANK-1");
		telegram.awaitCall("sendMessage", c -> chat(c, stranger), WAIT);
		say(ADMIN, "/topup tg-topup 5000 BANK-1 wire transfer");
		say(ADMIN, "/topup tg-topup 5000 BANK-1");
		say(ADMIN, "/topup tg-topup -6000 FIX-1");
		// One chat's updates are handled in order: the third answer is the last command's.
		await().atMost(WAIT).until(() -> admin().size() >= 3);
		assertThat(admin().get(0)).contains("tg-topup").contains("5000");
		assertThat(admin().get(1)).contains("5000");
		assertThat(admin().get(2)).contains("已拒绝");
		assertThat(telegram.calls("sendMessage").stream().filter(c -> chat(c, stranger)).findFirst().orElseThrow()
			.param("text")).doesNotContain("tg-topup");
		assertThat(wallets.balance("tg-topup").balanceFen()).isEqualTo(5_000);
	}

	@Test
	void aPlanPaidByAResellerSendsItsCodeWithItsNameAndAnAdminPausesItWithTheButton() {
		Sku sku = new Sku("TG-PERK");
		catalog.save(sku, new ProductDraft("Video month", null, null, 1500L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines("TG-PERK", 3)), "test");
		resellers.save("tg-payer", new ResellerDraft("Payer", 1, null, null, null, null));
		wallets.topUp("tg-payer", 10_000, "opening", null);
		plans.save("tg-plan", new PlanDraft("Team perks", List.of(new Plan.Item(sku.value(), 1)), "0 0 9 1 * ?",
				clock.instant(), null, null, CatchUp.SKIP, "tg-payer"));
		long member = 8201;
		String code = recipients.add("tg-plan", "telegram:" + member + "\nclaim:later").get(1).claimCode();

		issuing.issue("tg-plan", "2026-04");
		FakeBotApi.Call codes = telegram.awaitCall("sendMessage",
				c -> chat(c, member) && c.param("text").contains("TG-PERK-"), WAIT);
		assertThat(codes.param("text")).contains("Team perks");
		assertThat(wallets.balance("tg-payer").balanceFen()).isEqualTo(10_000 - 1_500);
		long claimant = 8202;
		say(claimant, "/claim " + code);
		assertThat(telegram.awaitCall("sendMessage", c -> chat(c, claimant) && c.param("text").contains("TG-PERK-"),
				WAIT).param("text")).contains("Team perks");

		say(ADMIN, "/plan tg-plan");
		FakeBotApi.Call shown = telegram.awaitCall("sendMessage",
				c -> chat(c, ADMIN) && c.param("text").contains("Team perks"), WAIT);
		assertThat(shown.param("text")).contains("2026-04");
		assertThat(shown.params().get("reply_markup").toString()).contains("plan:pause:tg-plan");
		telegram.push(telegram.callback(updates.incrementAndGet(), ADMIN, ADMIN, "plan:pause:tg-plan", 1));
		await().atMost(WAIT).until(() -> plans.get("tg-plan").status() == PlanStatus.PAUSED);

		say(ADMIN, "/recipients tg-plan add claim:second telegram:8203");
		String added = telegram.awaitCall("sendMessage", c -> chat(c, ADMIN) && c.param("text").contains("claim:second"),
				WAIT).param("text");
		assertThat(added).containsPattern("claim:second → [2-9A-HJKMNP-Z]{12}").doesNotContain("telegram:8203 →");
		assertThat(recipients.list("tg-plan", 10)).hasSize(4);
	}

	private static java.util.List<String> admin() {
		return telegram.calls("sendMessage").stream().filter(c -> chat(c, ADMIN)).map(c -> c.param("text")).toList();
	}

	private static void say(long chat, String text) {
		telegram.push(telegram.message(updates.incrementAndGet(), chat, chat, text));
	}

	private static boolean chat(FakeBotApi.Call call, long chat) {
		return String.valueOf(chat).equals(call.param("chat_id"));
	}
}
