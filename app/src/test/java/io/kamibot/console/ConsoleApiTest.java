package io.kamibot.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin API the console's sections stand on: order search, detail and export, shelf, dashboard, settings. */
class ConsoleApiTest extends ConsoleShop {

	@Test
	void searchesOrdersByEveryFieldAndPagesThem() {
		ShopClient shop = shop();
		String sku = product("Searched", 300, 5);
		List<String> sold = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			sold.add(sale(shop, unique("buyer"), sku));
		}
		String unpaid = orderNo(shop.say(unique("buyer"), "/buy " + sku + " 1"));

		JsonNode all = search(shop, "sku=" + sku);
		assertThat(numbers(all)).containsExactly(unpaid, sold.get(2), sold.get(1), sold.get(0));
		assertThat(all.get("more").asBoolean()).isFalse();
		assertThat(numbers(search(shop, "sku=" + sku + "&status=DELIVERED"))).containsExactly(sold.get(2), sold.get(1), sold.get(0));
		assertThat(numbers(search(shop, "sku=" + sku + "&status=AWAITING_PAYMENT"))).containsExactly(unpaid);
		assertThat(numbers(search(shop, "orderNo=" + sold.get(1)))).containsExactly(sold.get(1));
		String customer = search(shop, "orderNo=" + sold.get(0)).get("orders").get(0).get("customerId").asString();
		assertThat(numbers(search(shop, "customer=" + customer))).containsExactly(sold.get(0));

		JsonNode first = search(shop, "sku=" + sku + "&limit=3");
		assertThat(numbers(first)).hasSize(3);
		assertThat(first.get("more").asBoolean()).isTrue();
		JsonNode second = search(shop, "sku=" + sku + "&limit=3&offset=3");
		assertThat(numbers(second)).containsExactly(sold.get(0));
		assertThat(second.get("more").asBoolean()).isFalse();

		Instant now = Instant.now();
		assertThat(numbers(search(shop, "sku=" + sku + "&from=" + now.minus(Duration.ofHours(1)) + "&to="
				+ now.plus(Duration.ofHours(1))))).hasSize(4);
		assertThat(numbers(search(shop, "sku=" + sku + "&from=" + now.plus(Duration.ofHours(1))))).isEmpty();
		assertThat(shop.get("/api/admin/orders?status=NOPE", TOKEN).statusCode()).isEqualTo(400);
		assertThat(shop.get("/api/admin/orders?limit=0", TOKEN).statusCode()).isEqualTo(400);
		assertThat(shop.get("/api/admin/orders?sku=" + sku, null).statusCode()).isEqualTo(401);
	}

	@Test
	void exportsTheSameSearchAsCsvWithFormulasDefused() {
		ShopClient shop = shop();
		String sku = product("=HYPERLINK(\"x\"), a \"title\"", 250, 3);
		String first = sale(shop, unique("buyer"), sku);
		String second = sale(shop, unique("buyer"), sku);

		var response = shop.get("/api/admin/orders.csv?sku=" + sku, TOKEN);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("orders.csv");
		String[] lines = response.body().replace("\uFEFF", "").split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).startsWith("order,created,status,customer,sku,title,quantity,total_fen");
		assertThat(lines[1]).startsWith(second + ",").contains(",DELIVERED,").contains(",250,")
			.contains("\"'=HYPERLINK(\"\"x\"\"), a \"\"title\"\"\"");
		assertThat(lines[2]).startsWith(first + ",");
		assertThat(shop.get("/api/admin/orders.csv?sku=" + sku + "&status=REFUNDED", TOKEN).body().split("\r\n"))
			.hasSize(1);
		assertThat(shop.get("/api/admin/orders.csv", null).statusCode()).isEqualTo(401);
	}

	@Test
	void showsAnOrderWithItsHistoryAndActsOnIt() {
		ShopClient shop = shop();
		String sku = product("Detailed", 100, 3);
		String chat = unique("buyer");
		String delivered = sale(shop, chat, sku);
		String unpaid = orderNo(shop.say(unique("buyer"), "/buy " + sku + " 1"));

		JsonNode resent = ShopClient.ok(shop.post("/api/admin/orders/" + delivered + "/resend", "", "text/plain", TOKEN));
		assertThat(resent.get("outcome").asString()).isEqualTo("RESENT");
		assertThat(shop.post("/api/admin/orders/" + unpaid + "/resend", "", "text/plain", TOKEN).statusCode())
			.isEqualTo(409);
		ShopClient.ok(shop.post("/api/admin/orders/" + delivered + "/refund", "", "text/plain", TOKEN));

		JsonNode detail = ShopClient.ok(shop.get("/api/admin/orders/" + delivered, TOKEN));
		assertThat(detail.get("order").get("status").asString()).isEqualTo("REFUNDED");
		assertThat(detail.get("order").get("paidAt").isNull()).isFalse();
		List<String> actions = new ArrayList<>();
		detail.get("history").forEach(entry -> actions.add(entry.get("action").asString()));
		assertThat(actions).contains("order.refund", "order.resend", "codes.view");
		List<String> moves = new ArrayList<>();
		detail.get("events").forEach(m -> moves.add(m.get("event").asString() + ":" + m.get("to").asString()));
		assertThat(moves).containsExactly("RESERVED:AWAITING_PAYMENT", "PAY:PAID", "DELIVER:DELIVERED",
				"REFUND:REFUNDED");
		JsonNode payment = detail.get("payments").get(0);
		assertThat(payment.get("provider").asString()).isEqualTo("sandbox");
		assertThat(payment.get("amount").asLong()).isEqualTo(100);
		assertThat(payment.get("outcome").asString()).isEqualTo("ACCEPTED");
		assertThat(detail.get("order").get("payment").asString()).endsWith(payment.get("transactionId").asString());
		assertThat(detail.get("refunds").get(0).get("status").asString()).isEqualTo("DONE");
		assertThat(detail.get("refunds").get(0).get("requestedBy").asString()).isEqualTo("admin-api");
		assertThat(detail.get("delivery").get("quantity").asInt()).isEqualTo(1);
		assertThat(detail.get("views")).isNotEmpty();
		assertThat(detail.toString()).doesNotContain(sku + "-CODE-");
		assertThat(shop.get("/api/admin/orders/K261122AAAAAAAA", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void listsResellersAndAuditsTheirChangesInWords() {
		ShopClient shop = shop();
		String id = unique("r");
		ShopClient.ok(shop.put("/api/admin/resellers/" + id,
				"{\"name\":\"Corner\",\"level\":2,\"creditLimitFen\":50000}", TOKEN));
		JsonNode mine = ShopClient.ok(shop.get("/api/admin/resellers", TOKEN)).valueStream()
			.filter(r -> r.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(mine.get("level").asInt()).isEqualTo(2);
		assertThat(mine.get("balanceFen").asLong()).isZero();
		assertThat(mine.get("linkCode").isNull()).isTrue();
		JsonNode audited = ShopClient.ok(shop.get("/api/admin/audit?action=reseller.save&target=" + id, TOKEN)).get(0);
		assertThat(audited.get("detail").asString()).isEqualTo("name “Corner”; level 2; credit limit ¥500.00");
	}

	@Test
	void checksAnOwnVoucherCodeWithoutRedeemingIt() {
		ShopClient shop = shop();
		String sku = unique("OWN");
		ShopClient.ok(shop.put("/api/admin/products/" + sku,
				"{\"title\":\"Coffee\",\"priceFen\":900,\"issuer\":\"SHOP\"}", TOKEN));
		assertThat(shop.post("/api/admin/products/" + sku + "/generate", "{\"count\":3}", "application/json", TOKEN)
			.statusCode()).isEqualTo(201);
		String chat = unique("buyer");
		String orderNo = orderNo(shop.say(chat, "/buy " + sku + " 1"));
		shop.press(chat, "pay:sandbox:" + orderNo);
		String code = ShopClient.codes(shop.awaitCodes(chat)).get(0).asString();

		for (int i = 0; i < 2; i++) { // a check changes nothing: the second answers as the first
			JsonNode check = ShopClient.ok(shop.post("/api/admin/vouchers/check", ShopClient.json("code", code),
					"application/json", TOKEN));
			assertThat(check.get("outcome").asString()).isEqualTo("REDEEMABLE");
			assertThat(check.get("orderNo").asString()).isEqualTo(orderNo);
			assertThat(check.get("sku").asString()).isEqualTo(sku);
		}
		JsonNode mistyped = ShopClient.ok(shop.post("/api/admin/vouchers/check", ShopClient.json("code", "AAAA-AAAA"),
				"application/json", TOKEN));
		assertThat(mistyped.get("outcome").asString()).isEqualTo("MISTYPED");
		assertThat(shop.post("/api/admin/vouchers/check", "{}", "application/json", TOKEN).statusCode()).isEqualTo(400);
		assertThat(ShopClient.ok(shop.get("/api/admin/audit?action=voucher.check&target=" + orderNo, TOKEN)).toString())
			.contains("REDEEMABLE")
			.doesNotContain(code);
	}

	@Test
	void listsTheShelfAndPausesAndResumesAProduct() {
		ShopClient shop = shop();
		String sku = product("Shelved", 100, 4);
		sale(shop, unique("buyer"), sku);
		JsonNode shelf = ShopClient.ok(shop.get("/api/admin/stock", TOKEN));
		JsonNode mine = shelf.valueStream()
			.filter(row -> row.get("product").get("sku").asString().equals(sku))
			.findFirst()
			.orElseThrow();
		assertThat(mine.get("levels").get("available").asLong()).isEqualTo(3);
		assertThat(mine.get("levels").get("sold").asLong()).isEqualTo(1);

		assertThat(ShopClient.ok(shop.post("/api/admin/products/" + sku + "/pause", "", "text/plain", TOKEN))
			.get("active").asBoolean()).isFalse();
		assertThat(ShopClient.text(shop.say(unique("buyer"), "/buy " + sku + " 1"))).doesNotContain("K26");
		assertThat(ShopClient.ok(shop.post("/api/admin/products/" + sku + "/resume", "", "text/plain", TOKEN))
			.get("active").asBoolean()).isTrue();
		JsonNode audit = ShopClient.ok(shop.get("/api/admin/audit?target=" + sku, TOKEN));
		List<String> actions = new ArrayList<>();
		audit.forEach(entry -> actions.add(entry.get("action").asString()));
		assertThat(actions).contains("product.pause", "product.resume");
		assertThat(shop.post("/api/admin/products/NOSUCH/pause", "", "text/plain", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void auditsAProductChangeInWordsNotAsARecord() {
		ShopClient shop = shop();
		String sku = product("Worded", 1250, 0);
		ShopClient.ok(shop.saveProduct(sku, "{\"active\":false,\"lowStockThreshold\":3}"));
		JsonNode saves = ShopClient.ok(shop.get("/api/admin/audit?action=product.save&target=" + sku, TOKEN));
		assertThat(saves.get(0).get("detail").asString()).isEqualTo("paused; low-stock warning at 3");
		assertThat(saves.get(1).get("detail").asString()).isEqualTo("title “Worded”; price ¥12.50");
	}

	@Test
	void countsTheDaysSalesAndWhatRunsOut() {
		ShopClient shop = shop();
		String sku = product("Counted", 700, 3);
		JsonNode before = ShopClient.ok(shop.get("/api/admin/dashboard?days=1", TOKEN));
		sale(shop, unique("buyer"), sku);
		sale(shop, unique("buyer"), sku);
		JsonNode today = ShopClient.ok(shop.get("/api/admin/dashboard?days=1", TOKEN));
		assertThat(today.get("orders").asLong() - before.get("orders").asLong()).isEqualTo(2);
		assertThat(today.get("revenueFen").asLong() - before.get("revenueFen").asLong()).isEqualTo(1400);
		assertThat(today.get("codes").asLong() - before.get("codes").asLong()).isEqualTo(2);
		assertThat(today.get("series")).hasSize(1);
		assertThat(today.get("topProducts").toString()).contains(sku);
		assertThat(today.get("runningOut").toString()).contains(sku);

		JsonNode month = ShopClient.ok(shop.get("/api/admin/dashboard?days=30", TOKEN));
		assertThat(month.get("series")).hasSize(30);
		assertThat(month.get("orders").asLong()).isGreaterThanOrEqualTo(today.get("orders").asLong());
		assertThat(shop.get("/api/admin/dashboard?days=3", TOKEN).statusCode()).isEqualTo(400);
	}

	@Test
	void keepsTheShopsNameNoticeAndSupportForEveryChat() {
		ShopClient shop = shop();
		int audited = ShopClient.ok(shop.get("/api/admin/audit?action=shop.settings", TOKEN)).size();
		JsonNode saved = ShopClient.ok(shop.put("/api/admin/settings",
				"{\"name\":\"Moon <Codes>\",\"notice\":\"Closed on Sunday\",\"support\":\"@moon_help\"}", TOKEN));
		assertThat(saved.get("name").asString()).isEqualTo("Moon <Codes>");
		assertThat(shop.get("/", null).body()).contains("<title>Moon &lt;Codes&gt;</title>").doesNotContain("{{shop}}");
		String welcome = ShopClient.text(shop.say(unique("buyer"), "/start"));
		assertThat(welcome).contains("Moon <Codes>").contains("Closed on Sunday").contains("@moon_help");
		assertThat(ShopClient.text(shop.say(unique("buyer"), "/help"))).contains("/problem").contains("@moon_help");

		ShopClient.ok(shop.put("/api/admin/settings", "{\"notice\":\"\"}", TOKEN));
		String later = ShopClient.text(shop.say(unique("buyer"), "/start"));
		assertThat(later).contains("Moon <Codes>").doesNotContain("Closed on Sunday");
		assertThat(shop.put("/api/admin/settings", "{\"name\":\"\"}", TOKEN).statusCode()).isEqualTo(400);
		assertThat(ShopClient.ok(shop.get("/api/admin/audit?action=shop.settings", TOKEN))).hasSize(audited + 2);
		ShopClient.ok(shop.put("/api/admin/settings", "{\"name\":\"Kamibot 卡密商店\",\"support\":\"\"}", TOKEN));
	}

	@Test
	void feedsAlertsAsReadableTextsWithTheirButtons() {
		ShopClient shop = shop();
		String sku = product("Alerted", 100, 1);
		sale(shop, unique("buyer"), sku);
		JsonNode alert = await().atMost(Duration.ofSeconds(15)).until(() -> alertAbout(shop, "OUT_OF_STOCK", sku),
				found -> found != null);
		assertThat(alert.get("text").asString()).contains(sku).contains("Alerted").doesNotContain("{0}");
		assertThat(alert.get("textEn").asString()).startsWith("⛔ Out of stock: " + sku);
		assertThat(alert.get("actions").toString()).contains("PAUSE").contains(sku);
	}

	@Test
	void everyNewEndpointRefusesWithoutTheTokenAndChangesNothing() {
		ShopClient shop = shop();
		String sku = product("Guarded", 100, 1);
		String orderNo = sale(shop, unique("buyer"), sku);
		String[][] calls = { { "GET", "/api/admin/stock" }, { "GET", "/api/admin/dashboard" },
				{ "GET", "/api/admin/settings" }, { "PUT", "/api/admin/settings" }, { "GET", "/api/admin/orders" },
				{ "GET", "/api/admin/orders/" + orderNo }, { "GET", "/api/admin/orders.csv" },
				{ "POST", "/api/admin/products/" + sku + "/pause" }, { "POST", "/api/admin/orders/" + orderNo + "/resend" },
				{ "POST", "/api/admin/orders/" + orderNo + "/replace" }, { "POST", "/api/admin/payments/P123/refund" },
				{ "POST", "/api/admin/stock/void-expired" } };
		for (String[] call : calls) {
			for (String token : new String[] { null, "wrong-" + TOKEN }) {
				int status = switch (call[0]) {
					case "GET" -> shop.get(call[1], token).statusCode();
					case "PUT" -> shop.put(call[1], "{\"name\":\"Taken\"}", token).statusCode();
					default -> shop.post(call[1], "", "text/plain", token).statusCode();
				};
				assertThat(status).as(call[0] + " " + call[1]).isEqualTo(401);
			}
		}
		assertThat(ShopClient.ok(shop.get("/api/admin/products/" + sku, TOKEN)).get("active").asBoolean()).isTrue();
		assertThat(ShopClient.ok(shop.get("/api/admin/settings", TOKEN)).get("name").asString()).isNotEqualTo("Taken");
		assertThat(ShopClient.ok(shop.get("/api/admin/audit?target=" + orderNo, TOKEN)).toString())
			.doesNotContain("order.resend");
	}

	private static JsonNode alertAbout(ShopClient shop, String type, String sku) {
		for (JsonNode alert : ShopClient.ok(shop.get("/api/admin/alerts?limit=100", TOKEN)).get("alerts")) {
			if (alert.get("type").asString().equals(type) && alert.get("args").toString().contains(sku)) {
				return alert;
			}
		}
		return null;
	}

	private static JsonNode search(ShopClient shop, String query) {
		return ShopClient.ok(shop.get("/api/admin/orders?" + query.replace("+", URLEncoder.encode("+",
				StandardCharsets.UTF_8)), TOKEN));
	}

	private static List<String> numbers(JsonNode page) {
		List<String> numbers = new ArrayList<>();
		page.get("orders").forEach(order -> numbers.add(order.get("orderNo").asString()));
		return numbers;
	}
}
