package io.kamibot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kamibot.adminchat.FakeWecomRobot;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Issuer;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.conversation.QrCodes;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.redemption.RedeemerDraft;
import io.kamibot.redemption.Redeemers;
import io.kamibot.reporting.DailyReports;
import io.kamibot.stock.Stock;
import io.kamibot.stock.Vouchers;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Running the shop from a Telegram admin group and a WeCom group robot, through the real TelegramBots client
 * against the fake Bot API and a fake robot on loopback.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
class TelegramAdminTest {

	private static final String TOKEN = "654321:ADMIN-TOKEN";
	private static final String ROBOT_KEY = "robot-key-" + ThreadLocalRandom.current().nextInt(1_000_000);
	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final FakeBotApi telegram = new FakeBotApi(TOKEN);
	private static final FakeWecomRobot robot = new FakeWecomRobot();
	private static final AtomicLong updates = new AtomicLong(5000);
	private static final long ADMIN = 9101;
	/** Each run its own group: the group's rate limiter lives in a Redis other runs may share. */
	private static final long GROUP = -1_000_000_000L - ThreadLocalRandom.current().nextLong(1_000_000_000L);
	private static boolean registered;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@Autowired
	Customers customers;

	@Autowired
	DailyReports reports;

	@Autowired
	TestClock clock;

	@Autowired
	Vouchers vouchers;

	@Autowired
	Redeemers redeemers;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		telegram.start();
		robot.start();
		registry.add("kamibot.telegram.token", () -> TOKEN);
		// Private chats at Telegram's pace (3 in 3 s) would add seconds to every conversation here; the pace itself
		// is tested in TelegramPurchaseTest and TelegramLimitsTest.
		registry.add("kamibot.telegram.private-chat-pace", () -> "100/1s");
		registry.add("kamibot.telegram.api-url", telegram::url);
		registry.add("kamibot.telegram.poll-timeout", () -> "1s");
		registry.add("kamibot.admin.telegram-ids", () -> String.valueOf(ADMIN));
		registry.add("kamibot.admin.wecom-webhooks", () -> robot.webhook(ROBOT_KEY));
		registry.add("kamibot.risk.orders-per-window", () -> "2");
		registry.add("kamibot.risk.max-unpaid", () -> "5");
		registry.add("kamibot.risk.review-first-order-stars", () -> "100");
	}

	@AfterAll
	static void stop() {
		telegram.close();
		robot.close();
	}

	@Test
	void lowStockReachesTheGroupAndTheRobotOnceAndARestockReArms() {
		registerGroup();
		Sku sku = product("ADM-LOW", 4, null, 2);
		for (int i = 0; i < 3; i++) {
			orders.place(customer(8100 + i), sku, 1); // 3, 2 (alert), 1
		}
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("ADM-LOW"), WAIT);
		robot.await(r -> r.text().contains("ADM-LOW"), WAIT);
		// A later alert to the same destinations: each destination sends in the order raised, so once it is there
		// a second ADM-LOW alert would be there too.
		orders.place(customer(8109), product("ADM-MARK", 2, null, 1), 1);
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("ADM-MARK"), WAIT);
		robot.await(r -> r.text().contains("ADM-MARK"), WAIT);
		assertThat(groupMessages("ADM-LOW")).hasSize(1);
		assertThat(robot.received(r -> r.text().contains("ADM-LOW"))).hasSize(1);
		assertThat(groupMessages("ADM-LOW").get(0).params().get("reply_markup").toString()).contains("adm:PAUSE:ADM-LOW");
		assertThat(robot.received(r -> r.text().contains("ADM-LOW")).get(0).key()).isEqualTo(ROBOT_KEY);

		stock.importCodes(sku, Codes.stream(Codes.lines("ADM-LOW-B", 4)), "test"); // 5: above the threshold
		for (int i = 0; i < 3; i++) {
			orders.place(customer(8110 + i), sku, 1);
		}
		awaitCount(() -> groupMessages("ADM-LOW").size(), 2);
		awaitCount(() -> robot.received(r -> r.text().contains("ADM-LOW")).size(), 2);
		for (String code : stock.reveal("none")) {
			assertThat(robot.received(r -> r.text().contains(code))).isEmpty();
		}
	}

	@Test
	void aHeldOrderWaitsForAnAdminAndANonAdminPressChangesNothing() {
		registerGroup();
		Sku sku = product("ADM-BIG", 3, 150L, 0);
		long buyer = 8200;
		Order order = orders.place(customer(buyer), sku, 1);
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), buyer, buyer, "XTR", 150, order.orderNo(),
				"charge-big-" + order.orderNo()));
		FakeBotApi.Call alert = telegram.awaitCall("sendMessage",
				c -> inGroup(c) && c.param("text").contains(order.orderNo()), WAIT);
		assertThat(alert.params().get("reply_markup").toString()).contains("adm:APPROVE:" + order.orderNo())
			.contains("adm:REJECT:" + order.orderNo());
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains(order.orderNo()), WAIT);
		assertThat(status(order)).isEqualTo(OrderStatus.UNDER_REVIEW);

		long stranger = 8299;
		telegram.push(telegram.callback(updates.incrementAndGet(), GROUP, stranger, "adm:APPROVE:" + order.orderNo(), 1));
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("只有管理员"), WAIT);
		assertThat(status(order)).isEqualTo(OrderStatus.UNDER_REVIEW);
		assertThat(stock.reveal(order.orderNo())).isEmpty();

		telegram.push(telegram.callback(updates.incrementAndGet(), GROUP, ADMIN, "adm:APPROVE:" + order.orderNo(), 1));
		FakeBotApi.Call codes = telegram.awaitCall("sendMessage",
				c -> chat(c, buyer) && "true".equals(c.param("protect_content")), WAIT);
		assertThat(codes.param("text")).contains(stock.reveal(order.orderNo()).get(0));
		Eventually.orderStatus(orders, order.orderNo(), OrderStatus.DELIVERED);
	}

	@Test
	void aCustomerOverTheOrderRateIsToldSo() {
		Sku sku = product("ADM-RATE", 10, null, 0);
		long buyer = 8300;
		for (int i = 0; i < 3; i++) {
			say(buyer, buyer, "/buy " + sku + " 1");
		}
		FakeBotApi.Call refusal = telegram.awaitCall("sendMessage",
				c -> chat(c, buyer) && c.param("text").contains("下单过于频繁"), WAIT);
		assertThat(refusal.param("text")).contains("2");
		assertThat(orders.history(customer(buyer), 10)).hasSize(2);
	}

	@Test
	void theDailyReportCarriesAPngChart() throws Exception {
		registerGroup();
		LocalDate day = LocalDate.now(clock).minusDays(100 + ThreadLocalRandom.current().nextInt(1000));
		assertThat(reports.send(day)).isTrue();

		FakeBotApi.Call photo = telegram.awaitCall("sendPhoto", this::inGroup, WAIT);
		assertThat(photo.param("photo_filename")).endsWith(".png");
		assertThat(photo.params().path("photo_bytes").asInt()).isGreaterThan(1000);
		assertThat(photo.param("caption")).contains(day.toString());

		FakeWecomRobot.Received image = robot.await(r -> "image".equals(r.message().path("msgtype").asText()), WAIT);
		byte[] png = Base64.getDecoder().decode(image.message().path("image").path("base64").asText());
		assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
		assertThat(image.message().path("image").path("md5").asText())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(png)));
		robot.await(r -> r.text().contains(day.toString()), WAIT);
	}

	@Test
	void anImportedFileDeliversBackOrdersInPaymentOrderWithProgressAndReport() {
		Sku sku = product("ADM-BACK", 1, 20L, 0);
		long first = 8400;
		long second = 8401;
		long third = 8402;
		Order late1 = orders.place(customer(first), sku, 1);
		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();
		Order late2 = orders.place(customer(second), sku, 1);
		clock.advance(Duration.ofMinutes(16));
		orders.expireOverdue();
		Order onTime = orders.place(customer(third), sku, 1);
		pay(onTime, third, "charge-on-time");
		telegram.awaitCall("sendMessage", c -> chat(c, third) && "true".equals(c.param("protect_content")), WAIT);
		pay(late1, first, "charge-late-1");
		awaitStatus(late1, OrderStatus.AWAITING_STOCK);
		pay(late2, second, "charge-late-2");
		awaitStatus(late2, OrderStatus.AWAITING_STOCK);

		telegram.addFile("file-adm-back", Codes.lines("ADM-BACK-NEW", 1).getBytes(StandardCharsets.UTF_8));
		telegram.push(telegram.document(updates.incrementAndGet(), ADMIN, ADMIN, "file-adm-back", "codes.txt",
				"/import ADM-BACK"));
		FakeBotApi.Call report = telegram.awaitCall("editMessageText",
				c -> chat(c, ADMIN) && c.param("text").contains("导入 ADM-BACK 完成"), WAIT);
		assertThat(report.param("text")).contains("成功 1");
		assertThat(telegram.calls("downloadFile")).isNotEmpty();

		awaitStatus(late1, OrderStatus.DELIVERED);
		assertThat(status(late2)).as("paid later, still waiting").isEqualTo(OrderStatus.AWAITING_STOCK);
		telegram.awaitCall("sendMessage", c -> chat(c, first) && "true".equals(c.param("protect_content")), WAIT);
	}

	@Test
	void aSlowImportEditsItsProgressBeforeTheReportAndTheReportCountsRight() {
		Sku sku = product("ADM-SLOW", 0, null, 0);
		StringBuilder file = new StringBuilder(Codes.lines("ADM-SLOW-OK", 400));
		file.append("ADM-SLOW-OK-0007\n").append("ADM-SLOW-OK-0123\n"); // two duplicates
		file.append("ADM-SLOW-BAD-1,2024-13-45\n").append("ADM-SLOW-BAD-2,someday\n"); // lines 403 and 404
		telegram.addFile("file-adm-slow", file.toString().getBytes(StandardCharsets.UTF_8));
		telegram.slowDownload("file-adm-slow", 9, Duration.ofMillis(450)); // about 4 s, past the 3 s between edits
		telegram.push(telegram.document(updates.incrementAndGet(), ADMIN, ADMIN, "file-adm-slow", "slow.txt",
				"/import ADM-SLOW"));

		FakeBotApi.Call report = telegram.awaitCall("editMessageText",
				c -> chat(c, ADMIN) && c.param("text").contains("导入 ADM-SLOW 完成"), WAIT);
		FakeBotApi.Call started = telegram.awaitCall("sendMessage",
				c -> chat(c, ADMIN) && c.param("text").contains("正在导入 ADM-SLOW：已读取 0%"), WAIT);
		List<FakeBotApi.Call> progress = telegram.calls("editMessageText").stream()
			.filter(c -> chat(c, ADMIN) && c.param("text").startsWith("正在导入 ADM-SLOW"))
			.toList();
		assertThat(progress).isNotEmpty().allSatisfy(edit -> {
			assertThat(edit.atNanos()).isLessThan(report.atNanos());
			assertThat(edit.param("text")).doesNotContain("已读取 0%");
		});
		String messageId = progress.get(0).param("message_id");
		assertThat(report.param("message_id")).isEqualTo(messageId);
		assertThat(started.atNanos()).isLessThan(progress.get(0).atNanos());

		assertThat(report.param("text")).contains("成功 400，重复 2，拒绝 2").contains("403").contains("404");
		assertThat(stock.levels(sku).available()).isEqualTo(400);
	}

	@Test
	void aBinaryFileImportsNothingAndTheAdminIsToldWhy() {
		Sku sku = product("ADM-BIN", 0, null, 0);
		byte[] noise = new byte[1024 * 1024];
		new Random(5).nextBytes(noise);
		telegram.addFile("file-adm-bin", noise);
		telegram.push(telegram.document(updates.incrementAndGet(), ADMIN, ADMIN, "file-adm-bin", "codes.xlsx",
				"/import ADM-BIN"));

		FakeBotApi.Call refused = telegram.awaitCall("editMessageText",
				c -> chat(c, ADMIN) && c.param("text").contains("未导入 ADM-BIN"), WAIT);
		assertThat(refused.param("text")).contains("UTF-8");
		assertThat(stock.levels(sku).available()).isZero();
	}

	@Test
	void aDocumentFromSomeoneElseImportsNothing() throws InterruptedException {
		Sku sku = product("ADM-NOIMP", 1, null, 0);
		long stranger = 8500;
		telegram.addFile("file-stranger", Codes.lines("ADM-NOIMP-X", 5).getBytes(StandardCharsets.UTF_8));
		telegram.push(telegram.document(updates.incrementAndGet(), stranger, stranger, "file-stranger", "codes.txt",
				"/import ADM-NOIMP"));
		say(stranger, stranger, "/help");
		telegram.awaitCall("sendMessage", c -> chat(c, stranger), WAIT);
		assertThat(stock.levels(sku).available()).isEqualTo(1);
		assertThat(telegram.calls("getFile")).noneMatch(c -> "file-stranger".equals(c.param("file_id")));
	}

	@Test
	void aStaffGroupRedeemsOwnVouchersOnceAndTheBuyerSeesWhen() {
		long staff = GROUP - 1;
		long clerk = 9301;
		long buyer = 8400;
		Sku sku = new Sku("ADM-OWN");
		catalog.save(sku, new ProductDraft("咖啡卡", "desc", null, 990L, 10L, true, 10, 0, Issuer.SHOP));
		vouchers.generate(sku, 2, 16, null, "test");
		redeemers.save("cafe-1", new RedeemerDraft("Cafe", List.of(sku.value())));
		say(staff, clerk, "/redeem ABCD");
		telegram.awaitCall("sendMessage", c -> chat(c, staff) && c.param("text").contains("/counter"), WAIT);
		say(staff, clerk, "/counter cafe-1");
		say(staff, ADMIN, "/counter cafe-1");
		telegram.awaitCall("sendMessage", c -> chat(c, staff) && c.param("text").contains("cafe-1"), WAIT);

		Order order = orders.place(customer(buyer), sku, 1);
		pay(order, buyer, "charge-own-" + order.orderNo());
		FakeBotApi.Call qr = telegram.awaitCall("sendPhoto", c -> chat(c, buyer), WAIT);
		assertThat(qr.param("protect_content")).isEqualTo("true");
		Matcher found = Pattern.compile("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}").matcher(qr.param("caption"));
		assertThat(found.find()).isTrue();
		String code = found.group();
		say(staff, clerk, "/redeem " + code.toLowerCase().replace("-", " "));
		telegram.awaitCall("sendMessage", c -> chat(c, staff) && c.param("text").contains("核销成功"), WAIT);
		say(staff, clerk, "/redeem " + code);
		telegram.awaitCall("sendMessage", c -> chat(c, staff) && c.param("text").contains("cafe-1 核销"), WAIT);
		say(staff, clerk, "/redeem " + code.substring(0, code.length() - 1) + (code.endsWith("2") ? "3" : "2"));
		telegram.awaitCall("sendMessage", c -> chat(c, staff) && c.param("text").contains("输错"), WAIT);
		say(buyer, buyer, "/orders");
		telegram.awaitCall("sendMessage", c -> chat(c, buyer) && c.param("text").contains("核销"), WAIT);
		// The second code, shown at the counter as its QR image and photographed there.
		Order second = orders.place(customer(buyer + 1), sku, 1);
		pay(second, buyer + 1, "charge-own-" + second.orderNo());
		FakeBotApi.Call secondQr = telegram.awaitCall("sendPhoto", c -> chat(c, buyer + 1), WAIT);
		Matcher secondCode = Pattern.compile("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}")
			.matcher(secondQr.param("caption"));
		assertThat(secondCode.find()).isTrue();
		telegram.addFile("qr-photo", QrCodes.png(secondCode.group()));
		telegram.push(telegram.photo(updates.incrementAndGet(), staff, clerk, "qr-photo"));
		telegram.awaitCall("sendMessage", c -> chat(c, staff) && c.param("text").contains(second.orderNo()), WAIT);

		assertThat(telegram.calls("sendMessage").stream()
			.filter(c -> chat(c, staff) && c.param("text").contains("核销成功"))).hasSize(2);
		assertThat(telegram.calls("sendMessage").stream().filter(c -> chat(c, staff) && c.param("text").contains("✅ 本群")))
			.hasSize(1);
		assertThat(stock.levels(sku).sold()).isEqualTo(0);
	}

	private synchronized void registerGroup() {
		if (registered) {
			return;
		}
		say(GROUP, ADMIN, "/admin_register");
		telegram.awaitCall("sendMessage", c -> inGroup(c) && c.param("text").contains("管理群"), WAIT);
		registered = true;
	}

	private void pay(Order order, long chat, String charge) {
		telegram.push(telegram.successfulPayment(updates.incrementAndGet(), chat, chat, "XTR", order.totalStars(),
				order.orderNo(), charge));
	}

	private List<FakeBotApi.Call> groupMessages(String containing) {
		return telegram.calls("sendMessage").stream()
			.filter(c -> inGroup(c) && !c.failed() && c.param("text").contains(containing))
			.toList();
	}

	private OrderStatus status(Order order) {
		return orders.find(order.orderNo()).orElseThrow().status();
	}

	private void awaitStatus(Order order, OrderStatus expected) {
		awaitCount(() -> status(order) == expected ? 1 : 0, 1);
	}

	private static void awaitCount(java.util.function.IntSupplier count, int expected) {
		await().atMost(WAIT).until(count::getAsInt, greaterThanOrEqualTo(expected));
		assertThat(count.getAsInt()).isEqualTo(expected);
	}

	private Sku product(String name, int codes, Long stars, int threshold) {
		Sku sku = new Sku(name);
		catalog.save(sku, new ProductDraft(name + " 商品", "desc", null, 990L, stars, true, 10, threshold));
		stock.importCodes(sku, Codes.stream(Codes.lines(name + "-CODE", codes)), "test");
		return sku;
	}

	private String customer(long chat) {
		return customers.identify(new ChannelIdentity("telegram", String.valueOf(chat))).id();
	}

	private boolean inGroup(FakeBotApi.Call call) {
		return chat(call, GROUP);
	}

	private static void say(long chat, long user, String text) {
		telegram.push(telegram.message(updates.incrementAndGet(), chat, user, text));
	}

	private static boolean chat(FakeBotApi.Call call, long chat) {
		return String.valueOf(chat).equals(call.param("chat_id"));
	}
}
