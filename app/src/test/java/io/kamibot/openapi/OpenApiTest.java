package io.kamibot.openapi;

import java.net.http.HttpResponse;
import java.time.Instant;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest extends ResellerShop {

	@Test
	void listsProductsAtTheCallersPrice() {
		String sku = product(1000, 3);
		ShopClient.ok(admin().put("/api/admin/products/" + sku + "/prices",
				"{\"levels\":{\"2\":850},\"quantityTiers\":[{\"min\":100,\"percentOff\":3}]}", TOKEN));
		OpenApiClient levelTwo = reseller(unique("r"), 2, 0);
		OpenApiClient levelOne = reseller(unique("r"), 1, 0);

		assertThat(product(ShopClient.ok(levelTwo.get("/api/open/v1/products")), sku).get("price").asLong())
			.isEqualTo(850);
		JsonNode base = product(ShopClient.ok(levelOne.get("/api/open/v1/products")), sku);
		assertThat(base.get("price").asLong()).isEqualTo(1000);
		assertThat(base.get("available").asLong()).isEqualTo(3);
		assertThat(base.get("title").asString()).isEqualTo(sku);
	}

	@Test
	void anOrderIsCreatedOnceAndTheSameRefAnswersTheSameBody() {
		String sku = product(500, 10);
		OpenApiClient api = reseller(unique("r"), 1, 10_000);
		String body = "{\"sku\":\"" + sku + "\",\"quantity\":4,\"ref\":\"po-7\"}";

		HttpResponse<String> created = api.post("/api/open/v1/orders", body);
		HttpResponse<String> again = api.post("/api/open/v1/orders", body);
		HttpResponse<String> read = api.get("/api/open/v1/orders/po-7");

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode order = ShopClient.parse(created.body());
		assertThat(order.get("amountFen").asLong()).isEqualTo(2_000);
		assertThat(order.get("codes")).hasSize(4);
		assertThat(order.get("codes").get(0).get("code").asString()).startsWith(sku + "-CODE-");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(ShopClient.parse(again.body())).isEqualTo(order);
		assertThat(ShopClient.ok(read)).isEqualTo(order);
		assertThat(ShopClient.ok(api.get("/api/open/v1/balance")).get("balanceFen").asLong()).isEqualTo(8_000);
		HttpResponse<String> unknown = api.get("/api/open/v1/orders/no-such-ref");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(ShopClient.parse(unknown.body()).get("type").asString()).endsWith("/unknown-order");
	}

	@Test
	void aFractionalQuantityOrABodyThatIsNoOrderIsRefusedAndBuysNothing() {
		String sku = product(500, 10);
		OpenApiClient api = reseller(unique("r"), 1, 10_000);

		for (String body : new String[] { "{\"sku\":\"" + sku + "\",\"quantity\":5.5,\"ref\":\"frac-1\"}",
				"{\"sku\":\"" + sku + "\",\"quantity\":2.0,\"ref\":\"frac-2\"}", "not json", "[]",
				"{\"sku\":\"" + sku + "\",\"quantity\":-1,\"ref\":\"neg-1\"}" }) {
			HttpResponse<String> refused = api.post("/api/open/v1/orders", body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(ShopClient.parse(refused.body()).get("type").asString()).as(body).endsWith("/invalid-request");
		}
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(10);
		assertThat(ShopClient.ok(api.get("/api/open/v1/balance")).get("balanceFen").asLong()).isEqualTo(10_000);
	}

	@Test
	void notEnoughBalanceIs402AndNotEnoughStockIs409WithTheirProblems() {
		String sku = product(500, 3);
		OpenApiClient api = reseller(unique("r"), 1, 1_000);

		HttpResponse<String> poor = api.post("/api/open/v1/orders",
				"{\"sku\":\"" + sku + "\",\"quantity\":3,\"ref\":\"poor\"}");
		HttpResponse<String> short_ = api.post("/api/open/v1/orders",
				"{\"sku\":\"" + sku + "\",\"quantity\":4,\"ref\":\"short\"}");

		assertThat(poor.statusCode()).isEqualTo(402);
		assertThat(poor.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
			.startsWith("application/problem+json"));
		assertThat(ShopClient.parse(poor.body()).get("balanceFen").asLong()).isEqualTo(1_000);
		assertThat(ShopClient.parse(poor.body()).get("type").asString()).endsWith("/insufficient-balance");
		assertThat(short_.statusCode()).isEqualTo(409);
		assertThat(ShopClient.parse(short_.body()).get("available").asLong()).isEqualTo(3);
		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(3);
		assertThat(ShopClient.ok(api.get("/api/open/v1/balance")).get("balanceFen").asLong()).isEqualTo(1_000);
	}

	@Test
	void refusesEachBrokenSignatureCheckByNameAndChangesNothing() {
		String sku = product(100, 5);
		OpenApiClient api = reseller(unique("r"), 1, 10_000);
		String path = "/api/open/v1/orders";
		String body = "{\"sku\":\"" + sku + "\",\"quantity\":1,\"ref\":\"sig\"}";
		long now = Instant.now().getEpochSecond();

		// 300 s is allowed either way; a margin keeps a slow machine's passing seconds from moving the edge.
		assertRefused(api.call("POST", path, body, Instant.now().getEpochSecond() - 330, OpenApiClient.nonce(), null),
				"stale-timestamp");
		assertRefused(api.call("POST", path, body, Instant.now().getEpochSecond() + 330, OpenApiClient.nonce(), null),
				"stale-timestamp");
		assertRefused(api.call("POST", path, body, now, "short", null), "bad-nonce");
		assertRefused(api.call("POST", path, body, now, OpenApiClient.nonce(), "0".repeat(64)), "bad-signature");
		String nonce = OpenApiClient.nonce();
		String signedForOtherBody = api.sign("POST", path, Long.toString(now), nonce, body.replace(":1,", ":2,"));
		assertRefused(api.call("POST", path, body, now, nonce, signedForOtherBody), "bad-signature");
		String otherPath = api.sign("POST", "/api/open/v1/orderz", Long.toString(now), nonce, body);
		assertRefused(api.call("POST", path, body, now, nonce, otherPath), "bad-signature");
		assertRefused(new OpenApiClient(port, "kb_UNKNOWN", "whatever").post(path, body), "unknown-key");
		assertRefused(new OpenApiClient(port, "", "whatever").post(path, body), "missing-header");

		assertThat(admin().levels(sku).get("available").asLong()).isEqualTo(5);
		assertThat(ShopClient.ok(api.get("/api/open/v1/balance")).get("balanceFen").asLong()).isEqualTo(10_000);
	}

	@Test
	void aReplayedNonceIsRefusedEvenWithAValidSignature() {
		OpenApiClient api = reseller(unique("r"), 1, 0);
		long now = Instant.now().getEpochSecond();
		String nonce = OpenApiClient.nonce();

		assertThat(api.call("GET", "/api/open/v1/balance", "", now, nonce, null).statusCode()).isEqualTo(200);
		assertRefused(api.call("GET", "/api/open/v1/balance", "", now, nonce, null), "replayed-nonce");
	}

	@Test
	void aKeyOverItsRateGets429WithRetryAfter() {
		OpenApiClient api = reseller(unique("r"), 1, 0);
		HttpResponse<String> last = null;
		for (int i = 0; i < 61; i++) {
			last = api.get("/api/open/v1/balance");
			if (last.statusCode() == 429) {
				break;
			}
			assertThat(last.statusCode()).isEqualTo(200);
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).contains("1");
		assertThat(ShopClient.parse(last.body()).get("status").asInt()).isEqualTo(429);
		// Another key is not held up.
		assertThat(reseller(unique("r"), 1, 0).get("/api/open/v1/balance").statusCode()).isEqualTo(200);
	}

	@Test
	void aNewKeyRetiresTheOldOne() {
		String id = unique("r");
		OpenApiClient old = reseller(id, 1, 0);
		JsonNode key = ShopClient.ok(admin().post("/api/admin/resellers/" + id + "/keys", "", "application/json",
				TOKEN));
		assertRefused(old.get("/api/open/v1/balance"), "unknown-key");
		assertThat(new OpenApiClient(port, key.get("keyId").asString(), key.get("secret").asString())
			.get("/api/open/v1/balance").statusCode()).isEqualTo(200);
	}

	private static void assertRefused(HttpResponse<String> response, String check) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		JsonNode problem = ShopClient.parse(response.body());
		assertThat(problem.get("check").asString()).isEqualTo(check);
		assertThat(problem.get("type").asString()).endsWith("/" + check);
	}

	private static JsonNode product(JsonNode products, String sku) {
		for (JsonNode product : products) {
			if (product.get("sku").asString().equals(sku)) {
				return product;
			}
		}
		throw new AssertionError("No " + sku + " in " + products);
	}
}
