package io.kamibot.openapi;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A reseller in the web chat: link, balance, bulk orders with a download link, the confirm button, statements. */
class ResellerWebChatTest extends ResellerShop {

	private static final Pattern LINK = Pattern.compile("(/files/\\S+)");
	private static final Pattern ORDER = Pattern.compile("(K\\d{6}[A-Z0-9]{8})");

	@Test
	void aLinkedChatBuysInBulkAndDownloadsTheCodesOnce() {
		String sku = product(250, 10);
		ShopClient shop = admin();
		String chat = linkedChat(shop, unique("r"), 10_000);

		String done = ShopClient.text(shop.say(chat, "/bulk " + sku + " 3 PO-1"));
		String again = ShopClient.text(shop.say(chat, "/bulk " + sku + " 3 PO-1"));

		assertThat(order(again)).isEqualTo(order(done));
		assertThat(ShopClient.text(shop.say(chat, "/balance"))).contains("¥92.50");
		HttpResponse<String> file = shop.get(link(done), null);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
			.contains(order(done) + ".csv"));
		List<String> lines = file.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFcode,expires_on,order,sku");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).startsWith(sku + "-CODE-").endsWith("," + order(done) + "," + sku);
		assertThat(ShopClient.ok(shop.get("/api/admin/audit?action=reseller.download&target=bulk:" + order(done),
				TOKEN))).hasSize(1);
	}

	@Test
	void aForgedOrStrangersLinkShowsNothing() {
		String sku = product(100, 5);
		ShopClient shop = admin();
		String chat = linkedChat(shop, unique("r"), 10_000);
		String link = link(ShopClient.text(shop.say(chat, "/bulk " + sku + " 1 PO-2 txt")));

		assertThat(shop.get(link, null).body().strip()).startsWith(sku + "-CODE-");
		assertThat(shop.get(link.replaceFirst("&s=[0-9a-f]+", "&s=" + "0".repeat(64)), null).statusCode()).isEqualTo(404);
		assertThat(shop.get(link.replaceFirst("&e=\\d+", "&e=4102444800"), null).statusCode()).isEqualTo(404);
		assertThat(shop.get(link.replaceFirst("c=[0-9a-f]+", "c=000000000000000000000000"), null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aLargeOrderWaitsForItsConfirmButtonWhichWorksOnce() {
		String sku = product(100, 30);
		ShopClient shop = admin();
		String chat = linkedChat(shop, unique("r"), 10_000);

		JsonNode asked = shop.say(chat, "/bulk " + sku + " 21 BIG-1");
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(30);
		String confirm = ShopClient.buttons(asked).get(0);
		assertThat(confirm).startsWith("bulk:");
		assertThat(ShopClient.text(asked)).contains("¥21.00");

		String done = ShopClient.text(shop.press(chat, confirm));
		assertThat(done).contains(order(done));
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(9);
		assertThat(ShopClient.text(shop.press(chat, confirm))).doesNotContain(order(done));
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(9);
	}

	@Test
	void aLargeOrderIsCheckedBeforeItsConfirmButtonAndAPlacedOneIsNotAskedAgain() {
		String sku = product(100, 30);
		ShopClient shop = admin();
		String chat = linkedChat(shop, unique("r"), 2_500);

		JsonNode shortOfStock = shop.say(chat, "/bulk " + sku + " 31 CHK-1");
		JsonNode tooMany = shop.say(chat, "/bulk " + sku + " 100001 CHK-2");
		JsonNode tooPoor = shop.say(chat, "/bulk " + sku + " 26 CHK-3");

		assertThat(ShopClient.buttons(shortOfStock)).isEmpty();
		assertThat(ShopClient.text(shortOfStock)).contains("31").contains("30");
		assertThat(ShopClient.buttons(tooMany)).isEmpty();
		assertThat(ShopClient.text(tooMany)).contains("100000");
		assertThat(ShopClient.buttons(tooPoor)).isEmpty();
		assertThat(ShopClient.text(tooPoor)).contains("¥26.00").contains("¥25.00");

		String done = ShopClient.text(shop.press(chat, ShopClient.buttons(shop.say(chat, "/bulk " + sku + " 21 CHK-4"))
			.get(0)));
		JsonNode again = shop.say(chat, "/bulk " + sku + " 21 CHK-4");
		JsonNode otherOrder = shop.say(chat, "/bulk " + sku + " 22 CHK-4");

		assertThat(ShopClient.buttons(again)).isEmpty();
		assertThat(order(ShopClient.text(again))).isEqualTo(order(done));
		assertThat(ShopClient.buttons(otherOrder)).isEmpty();
		assertThat(ShopClient.text(otherOrder)).contains(order(done));
		assertThat(ShopClient.text(shop.say(chat, "/balance"))).contains("¥4.00");
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(9);
	}

	@Test
	void theStatementListsTheMonthsEntriesAsCsv() {
		String sku = product(100, 5);
		ShopClient shop = admin();
		String chat = linkedChat(shop, unique("r"), 1_000);
		shop.say(chat, "/bulk " + sku + " 2 ST-1");

		String reply = ShopClient.text(shop.say(chat, "/statement"));
		List<String> lines = shop.get(link(reply), null).body().lines().toList();

		assertThat(lines.get(0)).isEqualTo("\uFEFFat,ref,kind,amount_fen,balance_after_fen,note");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).contains(",opening,TOP_UP,1000,1000,");
		assertThat(lines.get(2)).contains(",ORDER,-200,800,");
	}

	@Test
	void anUnlinkedChatOrAUsedCodeBuysNothing() {
		String sku = product(100, 5);
		ShopClient shop = admin();
		String id = unique("r");
		String code = ShopClient.ok(shop.put("/api/admin/resellers/" + id, "{\"name\":\"" + id + "\",\"level\":1}",
				TOKEN)).get("linkCode").asString();
		String stranger = unique("chat");
		String owner = unique("chat");

		assertThat(ShopClient.text(shop.say(stranger, "/bulk " + sku + " 1 X-1"))).contains("/link");
		assertThat(ShopClient.text(shop.say(owner, "/link " + code))).contains(id);
		assertThat(ShopClient.text(shop.say(stranger, "/link " + code))).doesNotContain(id);
		assertThat(ShopClient.text(shop.say(stranger, "/balance"))).contains("/link");
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(5);
	}

	/** A web chat linked to a new reseller with a balance. */
	private String linkedChat(ShopClient shop, String id, long balanceFen) {
		reseller(id, 1, balanceFen);
		String code = ShopClient.ok(shop.put("/api/admin/resellers/" + id, "{}", TOKEN)).get("linkCode").asString();
		String chat = unique("chat");
		assertThat(ShopClient.text(shop.say(chat, "/link " + code))).contains(id);
		return chat;
	}

	private static String link(String text) {
		Matcher matcher = LINK.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	private static String order(String text) {
		Matcher matcher = ORDER.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}
}
