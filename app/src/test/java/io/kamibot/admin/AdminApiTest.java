package io.kamibot.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import io.kamibot.shop.ShopClient;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"kamibot.data-dir=target/test-data/admin-api", "kamibot.admin.api-token=" + AdminApiTest.TOKEN,
		"kamibot.demo.enabled=false", "kamibot.admin.max-import-bytes=4096" })
@Timeout(120)
class AdminApiTest {

	static final String TOKEN = "admin-api-test-token-0123456789";

	@LocalServerPort
	int port;

	@BeforeAll
	static void freshDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of("target/test-data/admin-api"));
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("kamibot.redis.address", TestRedis::address);
	}

	@Test
	void refusesAWrongOrMissingTokenAndChangesNothing() {
		ShopClient shop = new ShopClient(port, TOKEN);
		String product = "{\"title\":\"Sneaky\",\"priceFen\":1}";
		for (String token : new String[] { null, "wrong", TOKEN + "x", TOKEN.substring(1) }) {
			assertThat(shop.put("/api/admin/products/SNEAKY", product, token).statusCode()).isEqualTo(401);
			assertThat(shop.post("/api/admin/products/SNEAKY/stock", "S-1\n", "text/plain", token).statusCode())
				.isEqualTo(401);
			assertThat(shop.get("/api/admin/products/SNEAKY/stock", token).statusCode()).isEqualTo(401);
		}
		assertThat(shop.get("/api/admin/products/SNEAKY", TOKEN).statusCode()).isEqualTo(404);

		shop.saveProduct("GUARDED", product);
		assertThat(shop.post("/api/admin/products/GUARDED/stock", "G-1\n", "text/plain", "wrong").statusCode())
			.isEqualTo(401);
		assertThat(shop.levels("GUARDED").get("available").asLong()).isZero();
	}

	@Test
	void reportsAnImportWithExactCountsAndLineNumbers() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("REPORTED", "{\"title\":\"Reported\",\"priceFen\":100,\"lowStockThreshold\":2}");
		JsonNode report = ShopClient.ok(shop.importCodes("REPORTED",
				"R-1\nR-2\nR-1\n\nR-3,2020-01-01\nR-4,not-a-date\nR-5,2999-12-31\n"));

		assertThat(report.get("imported").asLong()).isEqualTo(3);
		assertThat(report.get("duplicates").asLong()).isEqualTo(1);
		assertThat(report.get("duplicateLines").get(0).asLong()).isEqualTo(3);
		assertThat(report.get("rejected").toString()).isEqualTo(
				"[{\"line\":4,\"reason\":\"blank\"},{\"line\":5,\"reason\":\"expired\"},{\"line\":6,\"reason\":\"bad date\"}]");
		JsonNode levels = shop.levels("REPORTED");
		assertThat(levels.get("available").asLong()).isEqualTo(3);
		assertThat(levels.get("reserved").asLong()).isZero();
		assertThat(levels.get("sold").asLong()).isZero();

		JsonNode again = ShopClient.ok(shop.importCodes("REPORTED", "R-2\nR-6\n"));
		assertThat(again.get("imported").asLong()).isEqualTo(1);
		assertThat(again.get("duplicateLines").get(0).asLong()).isEqualTo(1);

		JsonNode imports = ShopClient.ok(shop.get("/api/admin/audit?action=stock.import&target=REPORTED", TOKEN));
		assertThat(imports.size()).isEqualTo(2);
		assertThat(imports.get(0).get("actor").asString()).isEqualTo("admin-api");
		assertThat(imports.get(0).get("detail").asString()).startsWith("1 imported, batch ")
			.doesNotContain("R-6");
		assertThat(imports.get(1).get("detail").asString()).startsWith("3 imported, batch ");
	}

	@Test
	void refundsAnOrderOnceThroughTheApi() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("REFUNDED", "{\"title\":\"Refunded\",\"priceFen\":100}");
		shop.importCodes("REFUNDED", "RF-1\nRF-2\n");
		String paid = orderNo(shop.say("refunder", "/buy REFUNDED 1"));
		shop.press("refunder", "pay:sandbox:" + paid);
		String unpaid = orderNo(shop.say("refunder", "/buy REFUNDED 1"));
		String path = "/api/admin/orders/" + paid + "/refund";

		assertThat(shop.post(path, "", "text/plain", "wrong").statusCode()).isEqualTo(401);
		assertThat(ShopClient.ok(shop.post(path, "", "text/plain", TOKEN)).get("outcome").asString())
			.isEqualTo("REFUNDED");
		assertThat(ShopClient.ok(shop.post(path, "", "text/plain", TOKEN)).get("outcome").asString())
			.isEqualTo("ALREADY_REFUNDED");
		assertThat(shop.post("/api/admin/orders/" + unpaid + "/refund", "", "text/plain", TOKEN).statusCode())
			.isEqualTo(409);
		JsonNode refunds = ShopClient.ok(shop.get("/api/admin/audit?action=order.refund&target=" + paid, TOKEN));
		assertThat(refunds.size()).as("one refund, one entry").isEqualTo(1);
		assertThat(refunds.get(0).get("actor").asString()).isEqualTo("admin-api");
		assertThat(shop.post("/api/admin/orders/K261122AAAAAAAA/refund", "", "text/plain", TOKEN).statusCode())
			.isEqualTo(404);
	}

	private static String orderNo(JsonNode replies) {
		return ShopClient.text(replies).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
	}

	@Test
	void updatesOnlyTheFieldsGiven() {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("EDITED", "{\"title\":\"First\",\"priceFen\":100,\"starsPrice\":5,\"lowStockThreshold\":3}");
		JsonNode edited = ShopClient.ok(shop.saveProduct("EDITED", "{\"active\":false}"));
		assertThat(edited.get("title").asString()).isEqualTo("First");
		assertThat(edited.get("active").asBoolean()).isFalse();
		assertThat(edited.get("starsPrice").asLong()).isEqualTo(5);
		JsonNode saves = ShopClient.ok(shop.get("/api/admin/audit?action=product.save&target=EDITED", TOKEN));
		assertThat(saves.size()).isEqualTo(2);
		assertThat(saves.get(0).get("detail").asString()).isEqualTo("paused");
	}

	@Test
	void refusesBadProductsUnknownProductsAndOversizedImports() {
		ShopClient shop = new ShopClient(port, TOKEN);
		assertThat(shop.saveProduct("NEW-ONE", "{\"title\":\"No price\"}").statusCode()).isEqualTo(400);
		assertThat(shop.saveProduct("bad~sku", "{\"title\":\"x\",\"priceFen\":1}").statusCode()).isEqualTo(400);
		assertThat(shop.saveProduct("NEGATIVE", "{\"title\":\"x\",\"priceFen\":-1}").statusCode()).isEqualTo(400);
		assertThat(shop.importCodes("UNKNOWN", "U-1\n").statusCode()).isEqualTo(404);
		assertThat(shop.get("/api/admin/products/UNKNOWN/stock", TOKEN).statusCode()).isEqualTo(404);

		shop.saveProduct("BIG", "{\"title\":\"Big\",\"priceFen\":100}");
		assertThat(shop.importCodes("BIG", "B-1234567890\n".repeat(400)).statusCode()).isEqualTo(413);
		assertThat(shop.levels("BIG").get("available").asLong()).isZero();
	}

	@Test
	void refusesAPriceOfZeroFenOrZeroStarsAndKeepsThePriceItHad() {
		ShopClient shop = new ShopClient(port, TOKEN);
		HttpResponse<String> free = shop.saveProduct("FREE", "{\"title\":\"x\",\"priceFen\":0}");
		assertThat(free.statusCode()).isEqualTo(400);
		assertThat(free.body()).contains("Prices must be positive");
		assertThat(shop.saveProduct("FREE", "{\"title\":\"x\",\"priceFen\":1,\"starsPrice\":0}").statusCode())
			.isEqualTo(400);
		assertThat(shop.get("/api/admin/products/FREE", TOKEN).statusCode()).as("nothing saved").isEqualTo(404);
		shop.saveProduct("PRICED", "{\"title\":\"x\",\"priceFen\":1}");
		assertThat(shop.saveProduct("PRICED", "{\"priceFen\":0}").statusCode()).isEqualTo(400);
		assertThat(ShopClient.ok(shop.get("/api/admin/products/PRICED", TOKEN)).get("priceFen").asLong()).isEqualTo(1);
	}

	@Test
	void rejectsLinesThatAreNotUtf8TextWithTheirNumberAndReason() throws Exception {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("TEXTONLY", "{\"title\":\"Text only\",\"priceFen\":100}");
		byte[] file = concat("T-1\n".getBytes(StandardCharsets.US_ASCII), new byte[] { 'T', '-', (byte) 0xC3, '(' },
				"\nT-\u00002\nT-\u00073\nT-\u200B4\nT-5\n".getBytes(StandardCharsets.UTF_8));

		JsonNode report = ShopClient.ok(importBytes("TEXTONLY", file));

		assertThat(report.get("imported").asLong()).isEqualTo(2);
		assertThat(report.get("rejected").toString()).isEqualTo("[{\"line\":2,\"reason\":\"invalid utf8\"},"
				+ "{\"line\":3,\"reason\":\"control character\"},{\"line\":4,\"reason\":\"control character\"},"
				+ "{\"line\":5,\"reason\":\"control character\"}]");
		assertThat(shop.levels("TEXTONLY").get("available").asLong()).isEqualTo(2);
	}

	@Test
	void refusesABinaryFileWholeAndPutsNothingOnSale() throws Exception {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("BINARY", "{\"title\":\"Binary\",\"priceFen\":100}");
		byte[] noise = new byte[4000]; // within this test's 4096-byte limit; 1 MB is refused the same way
		new Random(11).nextBytes(noise);

		HttpResponse<String> refused = importBytes("BINARY", noise);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(shop.levels("BINARY").get("available").asLong()).isZero();
		assertThat(ShopClient.ok(shop.get("/api/admin/audit?action=stock.import&target=BINARY", TOKEN)).size())
			.isZero();
	}

	@Test
	void holdsTheSizeLimitForAChunkedUploadAndKeepsNothingOfIt() throws Exception {
		ShopClient shop = new ShopClient(port, TOKEN);
		shop.saveProduct("CHUNKED", "{\"title\":\"Chunked\",\"priceFen\":100}");
		StringBuilder file = new StringBuilder();
		for (int i = 0; file.length() < 10_799; i++) {
			file.append(String.format("CHUNKED-%08d\n", i));
		}

		assertThat(chunkedImport("CHUNKED", file.toString())).startsWith("HTTP/1.1 413");
		assertThat(shop.levels("CHUNKED").get("available").asLong()).isZero();
		assertThat(chunkedImport("CHUNKED", "CHUNKED-SMALL-1\nCHUNKED-SMALL-2\n")).as("under the limit")
			.startsWith("HTTP/1.1 200");
		assertThat(shop.levels("CHUNKED").get("available").asLong()).isEqualTo(2);
	}

	private HttpResponse<String> importBytes(String sku, byte[] body) throws Exception {
		URI stock = URI.create("http://127.0.0.1:" + port + "/api/admin/products/" + sku + "/stock");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(stock)
				.header("Content-Type", "text/plain")
				.header("Authorization", "Bearer " + TOKEN)
				.POST(BodyPublishers.ofByteArray(body))
				.build(), BodyHandlers.ofString());
	}

	/** Sends the file as {@code Transfer-Encoding: chunked}, 1 KB a chunk, and returns the response as received. */
	private String chunkedImport(String sku, String file) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/admin/products/" + sku + "/stock HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Authorization: Bearer " + TOKEN + "\r\nContent-Type: text/plain\r\n"
					+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
			for (int at = 0; at < bytes.length; at += 1024) {
				int n = Math.min(1024, bytes.length - at);
				out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(bytes, at, n);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}
}
