package io.kamibot.shop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kamibot.testing.Codes;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static io.kamibot.shop.ShopClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes by email, through the shop's public HTTP contract and a real SMTP conversation: an address is used only once
 * confirmed by the link mailed to it, and then every delivery also goes there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/email", "kamibot.admin.api-token=" + CodesByEmailTest.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.mail.host=127.0.0.1", "kamibot.mail.from=Kamibot <shop@kamibot.test>",
		"kamibot.mail.starttls=false", "kamibot.mail.public-url=https://shop.kamibot.test/" })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class CodesByEmailTest {

	static final String TOKEN = "email-test-admin-token-0123456789";
	private static final Duration WAIT = Duration.ofSeconds(20);
	private static final Pattern LINK = Pattern.compile("https://shop\\.kamibot\\.test(/email/confirm\\?t=[A-Za-z0-9_-]+)");
	private static final FakeSmtp smtp = new FakeSmtp();

	@LocalServerPort
	int port;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/email"));
	}

	@AfterAll
	static void stop() throws IOException {
		smtp.close();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
		registry.add("kamibot.mail.port", smtp::port);
	}

	@Test
	void aConfirmedAddressGetsEveryDeliveryAndNothingComesBeforeItIsConfirmed(CapturedOutput output) throws Exception {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("MAIL-1", "{\"title\":\"Mail card\",\"priceFen\":100}");
		shop.importCodes("MAIL-1", Codes.lines("MAIL-1", 5));
		String chat = "mail-buyer";

		assertThat(text(shop.say(chat, "/email Buyer@Example.COM"))).contains("buyer@example.com");
		FakeSmtp.Mail confirmation = smtp.next(WAIT);
		assertThat(confirmation.recipients()).containsExactly("buyer@example.com");
		assertThat(confirmation.subject()).isEqualTo("请确认您的邮箱地址");
		Matcher link = LINK.matcher(confirmation.plain());
		assertThat(link.find()).as("a link under the shop's public address").isTrue();
		assertThat(confirmation.html()).contains("href=\"https://shop.kamibot.test/email/confirm?t=");

		// Unconfirmed: a delivery goes to the chat only.
		String unconfirmedOrder = buy(shop, chat);
		assertThat(text(shop.say(chat, "/email"))).contains("尚未确认");

		HttpResponse<String> page = shop.get(link.group(1), null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("buyer@example.com", "已确认");
		assertThat(shop.get(link.group(1), null).statusCode()).as("a link works once").isEqualTo(404);
		assertThat(shop.get("/email/confirm?t=forged", null).statusCode()).isEqualTo(404);

		String orderNo = buy(shop, chat);
		JsonNode shown = shop.press(chat, "c:" + orderNo);
		List<String> codes = ShopClient.codes(shown).valueStream().map(JsonNode::asString).toList();
		FakeSmtp.Mail delivery = smtp.next(WAIT);
		assertThat(delivery.subject()).as("the first mail since the confirmation: not the unconfirmed order's")
			.contains(orderNo).doesNotContain(unconfirmedOrder);
		assertThat(delivery.recipients()).containsExactly("buyer@example.com");
		assertThat(codes).hasSize(2);
		assertThat(delivery.plain()).contains(codes);
		assertThat(delivery.html()).contains(codes).contains("<ol");

		assertThat(text(shop.say(chat, "/email send " + unconfirmedOrder))).contains(unconfirmedOrder);
		assertThat(smtp.next(WAIT).subject()).contains(unconfirmedOrder);
		assertThat(ShopClient.buttons(shown)).as("offered under the codes").contains("mail:" + orderNo);
		assertThat(text(shop.press(chat, "mail:" + orderNo))).contains("buyer@example.com");
		assertThat(smtp.next(WAIT).plain()).contains(codes);

		assertThat(text(shop.say(chat, "/email off"))).contains("已停止");
		assertThat(ShopClient.buttons(shop.press(chat, "c:" + orderNo))).noneMatch(b -> b.startsWith("mail:"));
		assertThat(text(shop.say(chat, "/email send " + orderNo))).contains("没有已确认的邮箱");
		assertThat(output.getAll()).as("codes are never logged").doesNotContain(codes);
	}

	@Test
	void refusesWhatIsNotAnAddressAndAsksToWaitBeforeMailingAgain() throws Exception {
		ShopClient shop = new ShopClient(port, TOKEN);
		String chat = "mail-typist";
		for (String wrong : List.of("buyer", "buyer@", "<x@y.z>", "x@localhost", "x@-")) {
			assertThat(text(shop.say(chat, "/email " + wrong))).as(wrong).contains("不是有效的邮箱地址");
		}
		assertThat(text(shop.say(chat, "/email typist@example.com"))).contains("typist@example.com");
		assertThat(smtp.next(WAIT).recipients()).containsExactly("typist@example.com");
		assertThat(text(shop.say(chat, "/email victim@example.com"))).contains("一分钟后再试");
		assertThat(text(shop.say(chat, "/email"))).as("the first address stands").contains("typist@example.com");
		assertThat(text(shop.say(chat, "/email send K000000AAAAAAAA"))).contains("没有已确认的邮箱");
	}

	private static String buy(ShopClient shop, String chat) {
		String orderNo = text(shop.say(chat, "/buy MAIL-1 2")).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		shop.press(chat, "pay:sandbox:" + orderNo);
		shop.awaitCodes(chat);
		return orderNo;
	}

}
