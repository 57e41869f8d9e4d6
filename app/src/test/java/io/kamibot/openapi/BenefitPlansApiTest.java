package io.kamibot.openapi;

import java.net.http.HttpResponse;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benefit plans through the admin API and the web chat, as docs/benefits.md shows them: a plan, recipients (a chat
 * and a claim code), a period issued by hand twice, the codes in the chat, a claim from another chat, /benefits.
 * Shares the running shop of the reseller tests.
 */
class BenefitPlansApiTest extends ResellerShop {

	@Test
	void aPeriodIssuedTwiceByHandReachesEachRecipientOnceAndAClaimCodeWorksOnce() {
		String sku = product(100, 5);
		String plan = unique("plan");
		ShopClient shop = admin();
		String member = unique("chat");
		shop.say(member, "/start");

		JsonNode saved = ShopClient.ok(shop.put("/api/admin/plans/" + plan,
				"{\"name\":\"Staff perks\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
						+ "\"cron\":\"0 0 9 1 * ?\",\"startsAt\":\"2030-01-01T00:00:00Z\","
						+ "\"periods\":12,\"catchUp\":\"skip\"}", TOKEN));
		assertThat(saved.get("plan").get("status").asString()).isEqualTo("ACTIVE");
		JsonNode added = ShopClient.ok(shop.post("/api/admin/plans/" + plan + "/recipients",
				"webchat:" + member + "\nclaim:new-hire\n", "text/plain", TOKEN));
		assertThat(added.get("recipients")).hasSize(2);
		assertThat(added.get("recipients").get(0).get("claimCode").isNull()).isTrue();
		String code = added.get("recipients").get(1).get("claimCode").asString();
		assertThat(code).matches("[2-9A-HJKMNP-Z]{12}");

		String issue = "/api/admin/plans/" + plan + "/issue";
		JsonNode first = ShopClient.ok(shop.post(issue, "{\"period\":\"2030-02\"}", "application/json", TOKEN));
		JsonNode again = ShopClient.ok(shop.post(issue, "{\"period\":\"2030-02\"}", "application/json", TOKEN));
		assertThat(first.get("issued").asLong()).isEqualTo(1);
		assertThat(first.get("waiting").asLong()).as("the unclaimed code").isEqualTo(1);
		assertThat(again.get("issued").asLong()).isEqualTo(1);
		JsonNode codes = ShopClient.codes(shop.awaitCodes(member));
		assertThat(codes).hasSize(1);
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(4);

		String newcomer = unique("chat");
		JsonNode claimed = shop.say(newcomer, "/claim " + code);
		assertThat(ShopClient.text(claimed)).contains("Staff perks");
		// The codes were sent while the claim was answered: they come with the answer or with the next poll.
		boolean withAnswer = claimed.get("replies").valueStream()
			.anyMatch(r -> r.has("codes") && !r.get("codes").isEmpty());
		assertThat(ShopClient.codes(withAnswer ? claimed : shop.awaitCodes(newcomer))).hasSize(1);
		String other = unique("chat");
		assertThat(ShopClient.text(shop.say(other, "/claim " + code))).doesNotContain("Staff perks");
		assertThat(ShopClient.text(shop.say(newcomer, "/benefits"))).contains("Staff perks").contains("2030-02");

		JsonNode view = ShopClient.ok(shop.get("/api/admin/plans/" + plan, TOKEN));
		JsonNode period = view.get("periods").get(0);
		assertThat(period.get("period").asString()).isEqualTo("2030-02");
		assertThat(period.get("issued").asLong()).isEqualTo(2);
		assertThat(period.get("claimed").asLong()).isEqualTo(1);
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(3);
	}

	@Test
	void aRecipientIsPausedByItsLine() {
		String sku = product(100, 1);
		String plan = unique("plan");
		ShopClient shop = admin();
		ShopClient.ok(shop.put("/api/admin/plans/" + plan, "{\"name\":\"Chat plan\",\"items\":[{\"sku\":\"" + sku
				+ "\"}],\"cron\":\"0 0 9 1 * ?\",\"startsAt\":\"2030-01-01T00:00:00Z\"}", TOKEN));
		ShopClient.ok(shop.post("/api/admin/plans/" + plan + "/recipients", "telegram:77\n", "text/plain", TOKEN));
		JsonNode paused = ShopClient.ok(shop.post("/api/admin/plans/" + plan + "/recipients/telegram:77/pause", "",
				"application/json", TOKEN));
		assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
		ShopClient.ok(shop.post("/api/admin/plans/" + plan + "/issue", "{\"period\":\"2030-03\"}", "application/json",
				TOKEN));
		assertThat(admin().levels(sku).get("available").asLong()).as("a paused recipient gets nothing").isEqualTo(1);
		assertThat(shop.post("/api/admin/plans/" + plan + "/recipients/telegram:78/pause", "", "application/json",
				TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		String sku = product(100, 1);
		String plan = unique("plan");
		ShopClient shop = admin();
		String path = "/api/admin/plans/" + plan;
		String body = "{\"name\":\"P\",\"items\":[{\"sku\":\"" + sku + "\"}],\"cron\":\"0 0 9 1 * ?\","
				+ "\"startsAt\":\"2030-01-01T00:00:00Z\"}";

		assertThat(shop.put(path, body, null).statusCode()).isEqualTo(401);
		assertThat(shop.get(path, TOKEN).statusCode()).isEqualTo(404);
		assertThat(shop.put(path, body.replace("0 0 9 1 * ?", "monthly"), TOKEN).statusCode()).isEqualTo(400);
		assertThat(shop.put(path, body.replace(sku, "NOPE"), TOKEN).statusCode()).isEqualTo(404);
		ShopClient.ok(shop.put(path, body, TOKEN));
		HttpResponse<String> lines = shop.post(path + "/recipients", "telegram:1\nsms:2\n", "text/plain", TOKEN);
		assertThat(lines.statusCode()).isEqualTo(400);
		assertThat(ShopClient.parse(lines.body()).get("lines").get(0).asString()).startsWith("line 2:");
		assertThat(ShopClient.ok(shop.get(path + "/recipients", TOKEN))).isEmpty();
		assertThat(shop.post(path + "/issue", "{\"period\":\"2025-12\"}", "application/json", TOKEN).statusCode())
			.isEqualTo(404);
	}
}
