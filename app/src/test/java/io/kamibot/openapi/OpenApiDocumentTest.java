package io.kamibot.openapi;

import java.net.http.HttpResponse;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest extends ResellerShop {

	@Test
	void describesTheOpenApiAloneWithItsSignatureHeaders() {
		JsonNode document = ShopClient.ok(admin().get("/api/open/v1/openapi.json", null));

		assertThat(document.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/open/v1/products",
				"/api/open/v1/orders", "/api/open/v1/orders/{ref}", "/api/open/v1/balance");
		assertThat(document.get("components").get("securitySchemes").propertyNames())
			.contains("X-Kamibot-Signature", "X-Kamibot-Nonce");
		assertThat(document.toString()).doesNotContain("reseller.reseller").doesNotContain("/api/admin");
	}

	@Test
	void rendersThePageWithAPolicyThatLetsOnlyItsOwnFilesRun() {
		HttpResponse<String> entry = admin().get("/api/open/v1/docs", null);
		assertThat(entry.statusCode()).as(entry.headers().map().toString()).isEqualTo(302);
		String location = entry.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> page = admin().get(location.replaceFirst("^https?://[^/]+", ""), null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(page.headers().firstValue("Content-Security-Policy")).contains(DocsPagePolicy.POLICY);
	}
}
