package io.kamibot.shop;

import java.io.IOException;
import java.nio.file.Path;

import io.kamibot.KamibotApplication;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import static io.kamibot.shop.ShopClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps products, stock, orders, web chats and its secrets key across a restart. */
@Timeout(120)
class RestartTest {

	private static final String DATA = "target/test-data/restart";

	@Test
	void keepsProductsStockAndOrdersAcrossARestart() throws IOException {
		FileSystemUtils.deleteRecursively(Path.of(DATA));
		String orderNo;
		String code;
		String token;
		String chatToken;
		try (ConfigurableApplicationContext first = start()) {
			token = first.getEnvironment().getProperty("kamibot.admin.api-token");
			ShopClient shop = new ShopClient(port(first), token);
			shop.saveProduct("KEPT", "{\"title\":\"Kept\",\"priceFen\":300}");
			shop.importCodes("KEPT", "KEPT-CODE-1\nKEPT-CODE-2\nKEPT-CODE-3\n");
			JsonNode placed = shop.say("keeper", "/buy KEPT 1");
			orderNo = text(placed).replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
			shop.press("keeper", "pay:sandbox:" + orderNo);
			code = ShopClient.codes(shop.awaitCodes("keeper")).get(0).asString();
			shop.say("keeper", "/buy KEPT 1");
			chatToken = shop.chatToken("keeper");
		}

		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getEnvironment().getProperty("kamibot.admin.api-token")).isEqualTo(token);
			// The buyer's page kept the chat's token; the shop kept only its keyed hash, which still matches.
			ShopClient shop = new ShopClient(port(second), token).useChatToken("keeper", chatToken);
			JsonNode levels = shop.levels("KEPT");
			assertThat(levels.get("available").asLong()).isEqualTo(1);
			assertThat(levels.get("reserved").asLong()).isEqualTo(1);
			assertThat(levels.get("sold").asLong()).isEqualTo(1);
			assertThat(text(shop.say("keeper", "/orders"))).contains(orderNo);
			// The codes are still readable: the generated secrets key was kept too.
			assertThat(text(shop.press("keeper", "c:" + orderNo))).contains(code);
		}
	}

	private static ConfigurableApplicationContext start() {
		// Arguments, not default properties: application.yml would win over those.
		return new SpringApplicationBuilder(KamibotApplication.class).run("--server.port=0",
				"--kamibot.data-dir=" + DATA, "--kamibot.demo.enabled=false", "--kamibot.redis.address=" + TestRedis.address());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}
}
