package io.kamibot.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What buyers get from the storefront: a personal link to each delivery's codes that works without a chat (or
 * JavaScript), a Pay button in {@code /orders}, "tell me when back" on a sold-out product, titles in their language.
 */
class StorefrontTest extends ConsoleShop {

	private static final Pattern LINK = Pattern.compile("/codes/(K\\w+)\\?c=([\\w-]+)&s=([0-9a-f]+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aDeliveryLinksToAPageWithItsCodesThatIsAuditedOnEveryView() throws Exception {
		ShopClient shop = shop();
		String sku = product("Linked", 100, 2);
		String chat = unique("buyer");
		String orderNo = orderNo(shop.say(chat, "/buy " + sku + " 1"));
		shop.press(chat, "pay:sandbox:" + orderNo);
		JsonNode delivered = shop.awaitCodes(chat);
		String code = ShopClient.codes(delivered).get(0).asString();
		Matcher link = LINK.matcher(ShopClient.text(delivered));
		assertThat(link.find()).as("a link in " + ShopClient.text(delivered)).isTrue();
		assertThat(link.group(1)).isEqualTo(orderNo);

		HttpResponse<String> page = get(link.group());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<code>" + code + "</code>").contains(orderNo);
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("nonce-")
			.doesNotContain("unsafe");
		get(link.group());
		assertThat(views(shop, orderNo)).isEqualTo(2);

		String forged = link.group().substring(0, link.group().length() - 2) + "00";
		assertThat(get(forged).statusCode()).isEqualTo(404);
		assertThat(get(forged).body()).doesNotContain(code);
		String other = orderNo(shop.say(unique("buyer"), "/buy " + sku + " 1"));
		HttpResponse<String> someoneElses = get(link.group().replace(orderNo, other));
		assertThat(someoneElses.statusCode()).isEqualTo(404);
		assertThat(get("/codes/" + orderNo).statusCode()).isEqualTo(404);
		assertThat(views(shop, orderNo)).as("refused links show and record nothing").isEqualTo(2);
	}

	@Test
	void anUnpaidOrderInOrdersHasAPayButton() {
		ShopClient shop = shop();
		String sku = product("Payable", 100, 2);
		String chat = unique("buyer");
		String orderNo = orderNo(shop.say(chat, "/buy " + sku + " 1"));
		List<String> buttons = ShopClient.buttons(shop.say(chat, "/orders"));
		assertThat(buttons).contains("pay:sandbox:" + orderNo, "x:" + orderNo);
		shop.press(chat, "pay:sandbox:" + orderNo);
		assertThat(ShopClient.codes(shop.awaitCodes(chat))).hasSize(1);
		assertThat(ShopClient.buttons(shop.say(chat, "/orders"))).doesNotContain("pay:sandbox:" + orderNo)
			.contains("c:" + orderNo);
	}

	@Test
	void aSoldOutProductOffersToTellTheBuyerWhoIsToldOnceOnRestock() {
		ShopClient shop = shop();
		String sku = product("Scarce", 100, 0);
		String first = unique("buyer");
		JsonNode page = shop.press(first, "p:" + sku);
		assertThat(ShopClient.text(page)).contains("售罄");
		assertThat(ShopClient.buttons(page)).contains("restock:" + sku).noneMatch(b -> b.startsWith("q:"));
		shop.press(first, "restock:" + sku);
		shop.press(first, "restock:" + sku);

		ShopClient.ok(shop.importCodes(sku, sku + "-R-1\n"));
		List<String> told = await().atMost(Duration.ofSeconds(15)).until(() -> notices(shop, first, sku),
				list -> !list.isEmpty());
		assertThat(told).hasSize(1);

		// A later buyer's notice after a second restock is the marker: the first buyer was told nothing more.
		String later = unique("buyer");
		shop.press(later, "restock:" + sku);
		ShopClient.ok(shop.importCodes(sku, sku + "-R-2\n"));
		await().atMost(Duration.ofSeconds(15)).until(() -> notices(shop, later, sku), list -> !list.isEmpty());
		assertThat(notices(shop, first, sku)).isEmpty();
	}

	@Test
	void showsTheProductTitleInTheBuyersLanguage() {
		ShopClient shop = shop();
		String sku = product("月卡", 100, 1);
		ShopClient.ok(shop.saveProduct(sku, "{\"titleEn\":\"Monthly card\",\"descriptionEn\":\"Thirty days\"}"));
		String chat = unique("buyer");
		assertThat(ShopClient.text(shop.press(chat, "p:" + sku))).contains("月卡").doesNotContain("Monthly card");
		shop.say(chat, "/lang en");
		assertThat(ShopClient.text(shop.press(chat, "p:" + sku))).contains("Monthly card").contains("Thirty days");
		JsonNode catalog = shop.say(chat, "/catalog");
		assertThat(catalog.toString()).contains("Monthly card").doesNotContain("月卡");
		assertThat(ShopClient.text(catalog)).as("each product once, as its button").doesNotContain("Monthly card");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				BodyHandlers.ofString());
	}

	private static long views(ShopClient shop, String orderNo) {
		return ShopClient.ok(shop.get("/api/admin/audit?action=codes.view&target=" + orderNo, TOKEN))
			.valueStream()
			.filter(entry -> entry.get("detail").asString().startsWith("web-link"))
			.count();
	}

	/** The restock notices for the product among the messages the chat received since last asked. */
	private static List<String> notices(ShopClient shop, String chat, String sku) {
		List<String> found = new ArrayList<>();
		for (JsonNode reply : shop.receive(chat).get("replies")) {
			if (reply.toString().contains("p:" + sku) && reply.get("text").asString().contains("补货")) {
				found.add(reply.get("text").asString());
			}
		}
		return found;
	}
}
