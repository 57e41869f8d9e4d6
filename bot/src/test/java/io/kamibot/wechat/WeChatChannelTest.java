package io.kamibot.wechat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.InMemoryMongo;
import io.kamibot.testing.TestClock;
import io.kamibot.wechat.FakeWeChatApi.Sent;
import io.kamibot.wechat.WeChatPushes.Answer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;

/**
 * The Official Account channel in safe mode, through HTTP pushes signed and sealed by WxJava's own crypto, with
 * WxJava's client sending customer-service messages to a fake WeChat API on loopback.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "kamibot.payment.sandbox.enabled=true", "kamibot.payment.sandbox.channels=webchat,wechat" })
@ContextConfiguration(initializers = InMemoryMongo.class)
@Import(WeChatChannelTest.SlowCommand.class)
@DirtiesContext
@Timeout(120)
class WeChatChannelTest {

	static final String APP_ID = "wx5823bf96d3bd56c7";
	static final String SECRET = "app-secret-for-tests";
	static final String TOKEN = "QDG6eK";
	static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
	static final String ACCOUNT = "gh_kamibot";
	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final FakeWeChatApi wechat = new FakeWeChatApi(APP_ID, SECRET);
	private static final AtomicLong msgIds = new AtomicLong(6_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	@MockitoSpyBean
	Customers customers;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Autowired
	CountDownLatch slowCommandRelease;

	WeChatPushes pushes;

	@DynamicPropertySource
	static void wechat(DynamicPropertyRegistry registry) throws IOException {
		wechat.startFor(registry);
	}

	@AfterAll
	static void stop() {
		wechat.close();
	}

	@BeforeEach
	void client() {
		pushes = new WeChatPushes("http://127.0.0.1:" + port + "/wechat/mp", TOKEN, AES_KEY, APP_ID, ACCOUNT);
	}

	@Test
	void echoesTheUrlCheckOnlyWhenSigned() throws Exception {
		String signature = WeChatCrypto.signature(TOKEN, "1714036504", "1514711492");
		assertThat(pushes.verify(signature, "1714036504", "1514711492", "echo-4711").body()).isEqualTo("echo-4711");
		assertThat(pushes.verify(signature, "1714036505", "1514711492", "echo-4711").statusCode()).isEqualTo(403);
	}

	@Test
	void welcomesANewFollowerWithANumberedMenuInTheEncryptedPassiveReply() throws Exception {
		Answer answer = pushes.push(pushes.event("o-follower", 1714036600, "subscribe"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("<Encrypt>").doesNotContain("欢迎");
		assertThat(answer.text()).contains("欢迎").contains("回复数字选择").contains("1. ").contains("4. ");
		assertThat(answer.took()).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void followingThroughAProductsQrCodeOpensTheProduct() throws Exception {
		String sku = "WX-SCENE-1";
		catalog.save(new Sku(sku), new ProductDraft("扫码关注商品", "desc", null, 990L, null, true, 10, 0));
		Answer answer = pushes.push(pushes.event("o-scene", 1714036700, "subscribe", "qrscene_p_" + sku));
		assertThat(answer.text()).contains("扫码关注商品");
		assertThat(pushes.push(pushes.event("o-scene", 1714036701, "SCAN", "p_" + sku)).text()).contains("扫码关注商品");
		assertThat(pushes.push(pushes.event("o-scene", 1714036702, "unsubscribe")).success()).isTrue();
	}

	@Test
	void installsTheBottomMenuWhoseButtonsWorkLikeTheirCommands() throws Exception {
		java.net.http.HttpResponse<String> installed = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/admin/wechat/menu"))
				.PUT(java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(installed.statusCode()).isEqualTo(200);
		assertThat(installed.body()).contains("\"商品\"", "/catalog", "\"我的订单\"", "/orders", "\"帮助\"", "/help");
		var buttons = wechat.menu().getAsJsonArray("button");
		assertThat(buttons).hasSize(3);
		assertThat(buttons.get(1).getAsJsonObject().get("type").getAsString()).isEqualTo("click");
		assertThat(buttons.get(1).getAsJsonObject().get("key").getAsString()).isEqualTo("/orders");

		assertThat(pushes.push(pushes.event("o-menu", 1714036800, "CLICK", "/orders")).text())
			.contains("您还没有订单");
		assertThat(pushes.push(pushes.event("o-menu", 1714036801, "CLICK", "/help")).text()).contains("可用命令");
	}

	@Test
	void aNumberAnswersTheLastMenu() throws Exception {
		String sku = "WX-MENU-1";
		catalog.save(new Sku(sku), new ProductDraft("微信菜单测试", "desc", null, 1200L, null, true, 10, 0));
		stock.importCodes(new Sku(sku), Codes.stream("WX-MENU-CODE-1"), "test");
		String user = "o-menu";
		pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/start"));
		Answer catalogPage = pushes.push(pushes.text(user, msgIds.incrementAndGet(), "1"));
		assertThat(catalogPage.text()).contains("微信菜单测试");
		assertThat(pushes.push(pushes.text(user, msgIds.incrementAndGet(), "99")).text()).contains("没有看懂");
	}

	@Test
	void refusesBadSignaturesForeignAppIdsAndMalformedPushesAndStoresNothing() throws Exception {
		String xml = pushes.text("o-attacker", msgIds.incrementAndGet(), "/catalog");
		assertThat(pushes.push(xml, APP_ID, "wrong-token").status()).isEqualTo(403);
		assertThat(pushes.push(xml, "wx-another-account", TOKEN).status()).isEqualTo(400);
		String signed = "signature=" + WeChatCrypto.signature(TOKEN, "1", "2") + "&timestamp=1&nonce=2";
		assertThat(pushes.post(signed, xml).status()).as("plaintext in safe mode").isEqualTo(400);
		assertThat(pushes.post(signed + "&encrypt_type=aes&msg_signature=00", "<xml><Encrypt>AAAA</Encrypt></xml>")
			.status()).isEqualTo(400);
		assertThat(pushes.post(signed + "&encrypt_type=aes&msg_signature=00", "<xml><Encr").status()).isEqualTo(400);
		assertThat(pushes.post("timestamp=1&nonce=2", xml).status()).isEqualTo(403);
		assertThat(mongo.getCollection("inbox").countDocuments(new Document("chat", "wechat:o-attacker"))).isZero();
		assertThat(wechat.sentTo("o-attacker")).isEmpty();
	}

	@Test
	void theSameMsgIdPushedThreeTimesHasOneEffectAndOneReply() throws Exception {
		String sku = "WX-DUP-1";
		catalog.save(new Sku(sku), new ProductDraft("重复推送测试", "desc", null, 800L, null, true, 10, 0));
		stock.importCodes(new Sku(sku), Codes.stream("WX-DUP-CODE-1\nWX-DUP-CODE-2"), "test");
		String user = "o-dup";
		String xml = pushes.text(user, msgIds.incrementAndGet(), "/buy " + sku + " 1");
		ExecutorService pool = Executors.newFixedThreadPool(3);
		List<Future<Answer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				answers.add(pool.submit((Callable<Answer>) () -> pushes.push(xml)));
			}
			List<Answer> done = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				done.add(answer.get());
			}
			long replies = done.stream().filter(a -> a.text() != null).count();
			long successes = done.stream().filter(Answer::success).count();
			assertThat(replies).isEqualTo(1);
			assertThat(successes).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		String customer = customers.identify(new ChannelIdentity("wechat", user)).id();
		assertThat(orders.history(customer, 10)).hasSize(1);
		assertThat(wechat.sentTo(user)).as("no second answer by customer-service message").isEmpty();
	}

	@Test
	void aSlowAnswerIsAcknowledgedWithinFiveSecondsAndFollowsAsACustomerServiceMessage() throws Exception {
		String user = "o-slow";
		Answer answer = pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/slow"));
		assertThat(answer.success()).isTrue();
		assertThat(answer.took()).isLessThan(Duration.ofSeconds(5));
		assertThat(wechat.sentTo(user)).as("still working on it").isEmpty();
		slowCommandRelease.countDown();
		Sent late = wechat.await(user, s -> "text".equals(s.type()), WAIT);
		assertThat(late.content()).isEqualTo("slow but sure");
	}

	@Test
	void paysAndReceivesTheCodesByCustomerServiceMessage() throws Exception {
		String sku = "WX-BUY-1";
		catalog.save(new Sku(sku), new ProductDraft("微信购买测试", "desc", null, 1500L, null, true, 10, 0));
		stock.importCodes(new Sku(sku), Codes.stream("WX-BUY-CODE-7"), "test");
		String user = "o-buyer";
		Answer order = pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/buy " + sku + " 1"));
		assertThat(order.text()).contains("1. ");
		// The first choice is the only way to pay offered here: the sandbox.
		pushes.push(pushes.text(user, msgIds.incrementAndGet(), "1"));
		Sent codes = wechat.await(user, s -> s.content() != null && s.content().contains("WX-BUY-CODE-7"), WAIT);
		assertThat(codes.errcode()).isZero();
	}

	@Test
	void codesRefusedOutsideThe48HourWindowArriveWithTheBuyersNextMessage() throws Exception {
		String sku = "WX-WINDOW-1";
		catalog.save(new Sku(sku), new ProductDraft("窗口测试", "desc", null, 1500L, null, true, 10, 0));
		stock.importCodes(new Sku(sku), Codes.stream("WX-WINDOW-CODE-3"), "test");
		String user = "o-window";
		pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/buy " + sku + " 1"));
		wechat.closeWindow(user);
		pushes.push(pushes.text(user, msgIds.incrementAndGet(), "1"));
		Sent refused = wechat.await(user, s -> s.content() != null && s.content().contains("WX-WINDOW-CODE-3"), WAIT);
		assertThat(refused.errcode()).isEqualTo(45015);

		clock.advance(Duration.ofMinutes(5));
		wechat.openWindow(user);
		pushes.push(pushes.text(user, msgIds.incrementAndGet(), "hello"));
		wechat.await(user, s -> s.errcode() == 0 && s.content() != null && s.content().contains("WX-WINDOW-CODE-3"),
				WAIT);
	}

	@Test
	void aFailedFirstAttemptIsRetriedAndAnsweredOnce() throws Exception {
		String user = "o-flaky";
		ChannelIdentity flaky = new ChannelIdentity("wechat", user);
		doThrow(new DataAccessResourceFailureException("the database went away")).doCallRealMethod()
			.when(customers)
			.identify(flaky);
		String xml = pushes.text(user, msgIds.incrementAndGet(), "/paysupport");
		Answer first = pushes.push(xml);
		assertThat(first.success()).isTrue();
		assertThat(first.took()).as("a failure does not hold the answer back").isLessThan(Duration.ofSeconds(2));
		assertThat(pushes.push(xml).success()).as("WeChat's retry, answered while ours is pending").isTrue();
		clock.advance(Duration.ofSeconds(10));
		Sent retried = wechat.await(user, s -> "text".equals(s.type()), WAIT);
		assertThat(retried.content()).isNotBlank();

		// A later message of the buyer is processed after the earlier ones: once it is answered (passively, or
		// by customer-service message when slow), a second answer to the retried one would have gone out.
		Answer marker = pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/help"));
		assertThat(marker.status()).isEqualTo(200);
		if (marker.success()) { // "success": the answer follows as a customer-service message
			wechat.await(user, s -> s.content() != null && s.content().contains("/catalog"), WAIT);
		}
		else {
			assertThat(marker.text()).contains("/catalog");
		}
		assertThat(wechat.sentTo(user)).filteredOn(s -> retried.content().equals(s.content())).hasSize(1);
	}

	@Test
	void aResellerGetsTheBulkCodesAsALinkForThisChatOnly(@Autowired io.kamibot.resellers.Resellers resellers,
			@Autowired io.kamibot.resellers.ResellerWallets wallets, @Autowired io.kamibot.resellers.ResellerFiles files)
			throws Exception {
		Sku sku = new Sku("WX-BULK");
		catalog.save(sku, new ProductDraft("微信批量", null, null, 300L, null, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines("WX-BULK", 5)), "test");
		String code = resellers.save("wx-reseller", new io.kamibot.resellers.ResellerDraft("WX Shop", 1, null, null,
				null, null)).linkCode();
		wallets.topUp("wx-reseller", 10_000, "opening", null);
		String user = "o-reseller";

		assertThat(pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/link " + code)).text()).contains("WX Shop");
		String done = pushes.push(pushes.text(user, msgIds.incrementAndGet(), "/bulk WX-BULK 3 WX-PO-1")).text();

		// The link is served by the app module (downloads.FileDownloads, tested end to end there): open what it names.
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile("/files/bulk/(K\\w+)\\?f=(\\w+)&c=(\\w+)&e=(\\d+)&s=(\\w+)").matcher(done);
		assertThat(link.find()).as(done).isTrue();
		List<String> lines = new String(files.download("bulk", link.group(1), link.group(2), link.group(3),
				Long.parseLong(link.group(4)), link.group(5), "test").content(), java.nio.charset.StandardCharsets.UTF_8)
			.lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(3)).startsWith("WX-BULK-").endsWith(",WX-BULK");
		assertThat(done).doesNotContain(lines.get(1).split(",")[0]);
		assertThat(wallets.balance("wx-reseller").balanceFen()).isEqualTo(9_100);
	}

	/** A command that takes longer than WeChat waits. */
	@TestConfiguration
	static class SlowCommand {

		/** Lets the slow command finish; counted down by the test once the push has been answered. */
		@Bean
		CountDownLatch slowCommandRelease() {
			return new CountDownLatch(1);
		}

		@Bean
		Command slow(CountDownLatch release) {
			return new Command() {
				@Override
				public Set<String> names() {
					return Set.of("slow");
				}

				@Override
				public List<Reply> handle(Session session, List<String> args) {
					try {
						// Holds until the test has seen WeChat's wait end; bounded, so a failed test does not hang.
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return List.of(Reply.text("slow but sure"));
				}
			};
		}
	}
}
