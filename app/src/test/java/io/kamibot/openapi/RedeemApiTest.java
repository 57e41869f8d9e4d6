package io.kamibot.openapi;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import io.kamibot.shop.ShopClient;
import io.kamibot.stock.VoucherCode;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redemption API over HTTP, signed by a redeemer's key exactly as the Open API is (the same client signs both):
 * every answer, replays and bad signatures refused, guessing slowed down. It shares the resellers' running shop,
 * whose Open API sells the codes.
 */
class RedeemApiTest extends ResellerShop {

	private static final String REDEEM = "/api/redeem/v1/redemptions";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Vault vault;

	@Test
	void redeemsOnceThenAnswers409AndACheckRedeemsNothing() {
		String sku = ownProduct(3);
		List<String> codes = buy(sku, 2);
		OpenApiClient counter = redeemer(sku);

		JsonNode check = ShopClient.ok(counter.get(REDEEM + "/" + codes.get(0)));
		HttpResponse<String> first = counter.post(REDEEM, code(codes.get(0).toLowerCase()));
		HttpResponse<String> second = counter.post(REDEEM, code(codes.get(0)));
		HttpResponse<String> checkAfter = counter.get(REDEEM + "/" + codes.get(0));

		assertThat(check.get("status").asString()).isEqualTo("REDEEMABLE");
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode redeemed = ShopClient.parse(first.body());
		assertThat(redeemed.get("status").asString()).isEqualTo("REDEEMED");
		assertThat(redeemed.get("sku").asString()).isEqualTo(sku);
		assertThat(redeemed.get("orderNo").asString()).isNotBlank();
		assertThat(second.statusCode()).isEqualTo(409);
		JsonNode again = ShopClient.parse(second.body());
		assertThat(again.get("status").asString()).isEqualTo("ALREADY_REDEEMED");
		assertThat(again.get("redeemedAt").asString()).isEqualTo(redeemed.get("redeemedAt").asString());
		assertThat(again.get("redeemer")).isNotNull();
		assertThat(checkAfter.statusCode()).isEqualTo(409);
		assertThat(ShopClient.ok(counter.get(REDEEM + "/" + codes.get(1))).get("status").asString())
			.isEqualTo("REDEEMABLE");
	}

	@Test
	void answersMistyped422Unknown404Expired410AndForbidden403() {
		String sku = ownProduct(4);
		String other = ownProduct(1);
		List<String> codes = buy(sku, 2);
		String elsewhere = buy(other, 1).get(0);
		OpenApiClient counter = redeemer(sku);
		String code = codes.get(0);
		char last = code.charAt(code.length() - 1);
		String mistyped = code.substring(0, code.length() - 1) + (last == '2' ? '3' : '2');
		// Past its last day: the clock of a running shop is the wall clock, so the code's day is moved instead.
		mongo.getCollection("stock").updateOne(new Document("lookup", vault.fingerprint(codes.get(1).replace("-", ""))),
				new Document("$set", new Document("sellBy", Date.from(Instant.now().minusSeconds(60)))));

		assertStatus(counter.post(REDEEM, code(mistyped)), 422, "MISTYPED");
		assertStatus(counter.post(REDEEM, code(unknownCode())), 404, "UNKNOWN");
		assertStatus(counter.post(REDEEM, code(codes.get(1))), 410, "EXPIRED");
		assertStatus(counter.post(REDEEM, code(elsewhere)), 403, "NOT_ALLOWED");
		assertStatus(counter.post(REDEEM, code(onTheShelf(sku))), 403, "NOT_SOLD");
		assertStatus(counter.post(REDEEM, "{}"), 400, null);
	}

	@Test
	void aReplayedOrBadlySignedRedemptionIsRefusedAndRedeemsNothing() {
		String sku = ownProduct(1);
		String code = buy(sku, 1).get(0);
		OpenApiClient counter = redeemer(sku);
		long now = Instant.now().getEpochSecond();
		String nonce = OpenApiClient.nonce();

		HttpResponse<String> forged = counter.call("POST", REDEEM, code(code), now, OpenApiClient.nonce(),
				"0".repeat(64));
		HttpResponse<String> resellerKey = reseller(unique("r"), 1, 0).post(REDEEM, code(code));
		HttpResponse<String> first = counter.call("POST", REDEEM, code(code), now, nonce, null);
		HttpResponse<String> replayed = counter.call("POST", REDEEM, code(code), now, nonce, null);

		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(ShopClient.parse(forged.body()).get("check").asString()).isEqualTo("bad-signature");
		assertThat(resellerKey.statusCode()).isEqualTo(401);
		assertThat(ShopClient.parse(resellerKey.body()).get("check").asString()).isEqualTo("unknown-key");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(ShopClient.parse(replayed.body()).get("check").asString()).isEqualTo("replayed-nonce");
		assertThat(ShopClient.parse(counter.get(REDEEM + "/" + code).body()).get("status").asString())
			.isEqualTo("ALREADY_REDEEMED");
	}

	@Test
	void aBodyThatIsNoJsonOrHasNoCodeAnswers400AndRedeemsNothing() {
		String sku = ownProduct(1);
		String code = buy(sku, 1).get(0);
		OpenApiClient counter = redeemer(sku);

		for (String body : List.of(code, "{\"code\":", "{}", "{\"code\":\" \"}", "{\"code\":7}", "[]")) {
			HttpResponse<String> refused = counter.post(REDEEM, body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(ShopClient.parse(refused.body()).get("type").asString()).endsWith("/invalid-request");
		}
		assertStatus(counter.get(REDEEM + "/" + code), 200, "REDEEMABLE");
	}

	@Test
	void guessingIsRefusedWith429AndAlerted() {
		String sku = ownProduct(1);
		String code = buy(sku, 1).get(0);
		OpenApiClient guesser = redeemer(sku);
		for (int i = 0; i < 20; i++) {
			assertThat(guesser.post(REDEEM, code(unknownCode())).statusCode()).isEqualTo(404);
		}

		HttpResponse<String> refused = guesser.post(REDEEM, code(unknownCode()));
		HttpResponse<String> evenAHit = guesser.post(REDEEM, code(code));

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(evenAHit.statusCode()).isEqualTo(429);
		JsonNode alerts = ShopClient.ok(admin().get("/api/admin/alerts", TOKEN));
		assertThat(alerts.toString()).contains("REDEMPTION_GUESSING");
	}

	@Test
	void generatingAnswersWithTheBatchAndRefusesAnImportedProduct() {
		String own = ownProduct(0);
		String imported = product(100, 0);

		HttpResponse<String> made = admin().post("/api/admin/products/" + own + "/generate",
				"{\"count\":1200,\"length\":12,\"expiresOn\":\"2099-06-30\"}", "application/json", TOKEN);
		HttpResponse<String> refused = admin().post("/api/admin/products/" + imported + "/generate",
				"{\"count\":1}", "application/json", TOKEN);

		assertThat(made.statusCode()).isEqualTo(201);
		JsonNode batch = ShopClient.parse(made.body());
		assertThat(batch.get("count").asLong()).isEqualTo(1200);
		assertThat(batch.get("expiresOn").asString()).isEqualTo("2099-06-30");
		assertThat(made.body()).doesNotContainPattern("[2-9A-Z]{4}-[2-9A-Z]{4}");
		assertThat(admin().levels(own).get("available").asLong()).isEqualTo(1200);
		assertThat(refused.statusCode()).isEqualTo(409);
	}

	/** An own product with {@code codes} generated codes on sale. */
	private String ownProduct(int codes) {
		String sku = unique("V");
		ShopClient.ok(admin().saveProduct(sku, "{\"title\":\"" + sku + "\",\"priceFen\":100,\"issuer\":\"SHOP\"}"));
		if (codes > 0) {
			HttpResponse<String> made = admin().post("/api/admin/products/" + sku + "/generate",
					"{\"count\":" + codes + "}", "application/json", TOKEN);
			assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		}
		return sku;
	}

	/** Codes of the product, bought through the Open API by a reseller: sold, as a buyer would hold them. */
	private List<String> buy(String sku, int quantity) {
		OpenApiClient reseller = reseller(unique("r"), 1, 100_000);
		HttpResponse<String> placed = reseller.post("/api/open/v1/orders",
				"{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"ref\":\"" + unique("po") + "\"}");
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		JsonNode order = ShopClient.parse(placed.body());
		List<String> codes = new ArrayList<>();
		order.get("codes").forEach(c -> codes.add(c.get("code").asString()));
		return codes;
	}

	private OpenApiClient redeemer(String... skus) {
		String id = unique("R");
		ShopClient.ok(admin().put("/api/admin/redeemers/" + id, "{\"name\":\"Counter " + id + "\",\"skus\":[\""
				+ String.join("\",\"", skus) + "\"]}", TOKEN));
		JsonNode key = ShopClient.ok(admin().post("/api/admin/redeemers/" + id + "/keys", "", "application/json",
				TOKEN));
		return new OpenApiClient(port, key.get("keyId").asString(), key.get("secret").asString());
	}

	/** A code still on the shelf, opened as the shop opens it: no buyer was ever shown it. */
	private String onTheShelf(String sku) {
		Document item = mongo.getCollection("stock")
			.find(new Document("sku", sku).append("status", "AVAILABLE")).first();
		return vault.open(new Sealed(item.getString("keyId"), item.get("cipher", Binary.class).getData()));
	}

	/** A well-formed code with a valid check character that the shop never made. */
	private static String unknownCode() {
		return VoucherCode.generate(new SecureRandom(), 16);
	}

	private static String code(String code) {
		return "{\"code\":\"" + code + "\"}";
	}

	private static void assertStatus(HttpResponse<String> response, int status, String answer) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		if (answer != null) {
			assertThat(ShopClient.parse(response.body()).get("status").asString()).isEqualTo(answer);
		}
	}
}
