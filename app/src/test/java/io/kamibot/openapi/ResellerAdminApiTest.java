package io.kamibot.openapi;

import java.net.http.HttpResponse;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ResellerAdminApiTest extends ResellerShop {

	@Test
	void createsAResellerWithALinkCodeAndShowsItsBalance() {
		String id = unique("r");
		JsonNode saved = ShopClient.ok(admin().put("/api/admin/resellers/" + id,
				"{\"name\":\"Shop A\",\"level\":2,\"creditLimitFen\":5000}", TOKEN));

		assertThat(saved.get("linkCode").asString()).matches("[2-9A-HJKMNP-Z]{10}");
		assertThat(saved.get("level").asInt()).isEqualTo(2);
		JsonNode read = ShopClient.ok(admin().get("/api/admin/resellers/" + id, TOKEN));
		assertThat(read.get("balanceFen").asLong()).isZero();
		assertThat(read.get("creditLimitFen").asLong()).isEqualTo(5_000);
		assertThat(read.get("linkCode").isNull()).isTrue();
		assertThat(admin().get("/api/admin/resellers/nobody", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void aTopUpIsAppliedOncePerRefAndAnAdjustmentPastTheLimitIsRefusedWhole() {
		String id = unique("r");
		ShopClient.ok(admin().put("/api/admin/resellers/" + id, "{\"name\":\"B\",\"level\":1,\"creditLimitFen\":100}",
				TOKEN));
		String path = "/api/admin/resellers/" + id + "/wallet";

		ShopClient.ok(admin().post(path, "{\"amountFen\":1000,\"ref\":\"t1\",\"note\":\"bank\"}", "application/json", TOKEN));
		ShopClient.ok(admin().post(path, "{\"amountFen\":1000,\"ref\":\"t1\"}", "application/json", TOKEN));
		HttpResponse<String> refused = admin().post(path, "{\"amountFen\":-1101,\"ref\":\"fix\"}", "application/json",
				TOKEN);
		JsonNode adjusted = ShopClient.ok(admin().post(path, "{\"amountFen\":-1100,\"ref\":\"fix\"}",
				"application/json", TOKEN));

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(adjusted.get("balanceAfterFen").asLong()).isEqualTo(-100);
		assertThat(ShopClient.ok(admin().get("/api/admin/resellers/" + id, TOKEN)).get("balanceFen").asLong())
			.isEqualTo(-100);
		JsonNode audit = ShopClient.ok(admin().get("/api/admin/audit?action=reseller.wallet&target=" + id, TOKEN));
		assertThat(audit).hasSize(3);
	}

	@Test
	void everyResellerCallNeedsTheAdminToken() {
		String id = unique("r");
		assertThat(admin().put("/api/admin/resellers/" + id, "{\"name\":\"C\",\"level\":1}", null).statusCode())
			.isEqualTo(401);
		assertThat(admin().post("/api/admin/resellers/" + id + "/keys", "", "application/json", "wrong").statusCode())
			.isEqualTo(401);
		assertThat(admin().put("/api/admin/products/X/prices", "{}", "wrong").statusCode()).isEqualTo(401);
		assertThat(admin().get("/api/admin/resellers/" + id, TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesASecondLevelOfSubResellers() {
		String top = unique("r");
		String middle = unique("r");
		ShopClient.ok(admin().put("/api/admin/resellers/" + top, "{\"name\":\"Top\",\"level\":1}", TOKEN));
		ShopClient.ok(admin().put("/api/admin/resellers/" + middle,
				"{\"name\":\"Middle\",\"level\":2,\"parentId\":\"" + top + "\"}", TOKEN));
		HttpResponse<String> deeper = admin().put("/api/admin/resellers/" + unique("r"),
				"{\"name\":\"Deeper\",\"level\":3,\"parentId\":\"" + middle + "\"}", TOKEN);
		assertThat(deeper.statusCode()).isEqualTo(400);
	}
}
