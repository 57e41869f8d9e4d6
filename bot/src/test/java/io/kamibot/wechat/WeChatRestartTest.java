package io.kamibot.wechat;

import de.bwaldvogel.mongo.MongoServer;
import io.kamibot.store.StoreBackend;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import testing.kamibot.CoreTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * De-duplication lives in the database, not in the process: a push WeChat repeats after the application restarted
 * (or that reaches another instance) has no second effect.
 */
@Timeout(120)
class WeChatRestartTest {

	private static final String OPEN_ID = "o-restart";

	@Test
	void aPushRepeatedAfterARestartHasNoSecondEffect() throws Exception {
		MongoServer mongo = new MongoServer(StoreBackend.inMemory());
		mongo.bind("127.0.0.1", 0);
		String key = Vault.newKey();
		try (FakeWeChatApi wechat = new FakeWeChatApi(WeChatChannelTest.APP_ID, WeChatChannelTest.SECRET)) {
			wechat.start();
			String buy;
			try (ConfigurableApplicationContext first = start(mongo, wechat, key)) {
				first.getBean(Catalog.class)
					.save(new Sku("WX-RESTART"), new ProductDraft("重启测试", "desc", null, 500L, null, true, 10, 0));
				first.getBean(Stock.class).importCodes(new Sku("WX-RESTART"), Codes.stream("WX-RESTART-1\nWX-RESTART-2"), "test");
				WeChatPushes pushes = pushes(first);
				buy = pushes.text(OPEN_ID, 7_000_000_001L, "/buy WX-RESTART 1");
				assertThat(pushes.push(buy).text()).contains("重启测试").doesNotContain("WX-RESTART-1");
				assertThat(pushes.push(buy).success()).isTrue();
			}
			try (ConfigurableApplicationContext second = start(mongo, wechat, key)) {
				WeChatPushes pushes = pushes(second);
				assertThat(pushes.push(buy).success()).as("the same MsgId after the restart").isTrue();
				assertThat(pushes.push(pushes.text(OPEN_ID, 7_000_000_002L, "/help")).text()).isNotBlank();
				String customer = second.getBean(Customers.class).identify(new ChannelIdentity("wechat", OPEN_ID)).id();
				assertThat(second.getBean(Orders.class).history(customer, 10)).hasSize(1);
			}
		}
		finally {
			mongo.shutdownNow();
		}
	}

	private static WeChatPushes pushes(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return new WeChatPushes("http://127.0.0.1:" + port + "/wechat/mp", WeChatChannelTest.TOKEN,
				WeChatChannelTest.AES_KEY, WeChatChannelTest.APP_ID, WeChatChannelTest.ACCOUNT);
	}

	private static ConfigurableApplicationContext start(MongoServer mongo, FakeWeChatApi wechat, String key) {
		return new SpringApplicationBuilder(CoreTestApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0",
					"--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/kamibot",
					"--kamibot.secrets.key=" + key, "--kamibot.payment.sandbox.enabled=true",
					"--kamibot.payment.sandbox.channels=wechat", "--kamibot.wechat.app-id=" + WeChatChannelTest.APP_ID,
					"--kamibot.wechat.secret=" + WeChatChannelTest.SECRET,
					"--kamibot.wechat.token=" + WeChatChannelTest.TOKEN,
					"--kamibot.wechat.aes-key=" + WeChatChannelTest.AES_KEY, "--kamibot.wechat.api-url=" + wechat.url());
	}
}
