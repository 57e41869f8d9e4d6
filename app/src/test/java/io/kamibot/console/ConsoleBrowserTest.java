package io.kamibot.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The owner's console in a real Chromium, as an owner uses it with nothing but a browser: sign in, create a
 * product, import 10,000 codes from a file, read the dashboard after a sale, find the order, refund it and export
 * the orders as CSV.
 */
@Timeout(300)
class ConsoleBrowserTest extends ConsoleShop {

	@RegisterExtension
	static final Browser browser = new Browser();

	@BeforeAll
	static void openBrowser() {
		browser.start();
	}

	@AfterAll
	static void closeBrowser() {
		browser.stop();
	}

	@Test
	void ownerRunsTheShopFromTheBrowserOnly() throws IOException {
		String sku = unique("WEB");
		signIn();
		browser.click(By.cssSelector("#tabs button[data-tab=products]"));
		browser.type(By.id("pf-sku"), sku);
		browser.type(By.id("pf-title"), "Browser card 浏览器卡");
		browser.type(By.id("pf-price"), "12.5");
		browser.type(By.id("pf-threshold"), "3");
		browser.click(By.id("pf-save"));
		browser.awaitText(By.id("product-form-error"), "Saved");
		browser.awaitText(By.id("products"), sku);
		browser.step("product created");
		assertThat(ShopClient.ok(shop().get("/api/admin/products/" + sku, TOKEN)).get("priceFen").asLong())
			.isEqualTo(1250);

		browser.click(By.cssSelector("#products button[data-act=stock][data-sku='" + sku + "']"));
		Path file = codes(sku, 10_000);
		browser.visible(By.id("stock-file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.id("stock-import"));
		// 10,000 codes take a few seconds to check, seal and store; far longer on a machine busy with other builds.
		String report = browser.awaitText(By.id("stock-report"), "Imported · 已导入 10000", Duration.ofSeconds(120));
		assertThat(report).contains("rejected · 拒绝 1").contains("10002").contains("bad date");
		browser.awaitText(By.id("stock-history"), "10000 imported");
		browser.step("codes imported");

		String orderNo = sale(shop(), unique("buyer"), sku);
		browser.click(By.cssSelector("#tabs button[data-tab=dashboard]"));
		browser.click(By.cssSelector("#dash-periods button[data-days='1']"));
		browser.awaitText(By.id("dash-top"), sku);
		await("one day's bar").atMost(Duration.ofSeconds(15))
			.until(() -> browser.driver().findElements(By.cssSelector("#dash-chart .bar")).size() == 1);
		browser.step("dashboard");

		browser.click(By.cssSelector("#tabs button[data-tab=orders]"));
		browser.type(By.id("of-sku"), sku);
		browser.click(By.id("of-search"));
		browser.awaitText(By.id("orders"), orderNo);
		browser.click(By.cssSelector("#orders tr[data-order='" + orderNo + "']"));
		browser.awaitText(By.id("od-number"), orderNo);
		browser.awaitText(By.id("od-fields"), "Delivered · 已发货");
		browser.step("order found");
		browser.click(By.cssSelector("#od-actions button[data-act=refund]"));
		browser.confirm();
		browser.awaitText(By.id("order-detail-error"), "REFUNDED");
		browser.awaitText(By.id("od-fields"), "Refunded · 已退款");
		browser.awaitText(By.id("od-history"), "order.refund");
		browser.step("order refunded");

		browser.click(By.id("of-export"));
		Path csv = await("the exported CSV").atMost(Duration.ofSeconds(15))
			.until(() -> downloaded(browser.downloads()), Optional::isPresent)
			.orElseThrow();
		String exported = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(exported).contains("order,created,status").contains(orderNo + ",").contains("REFUNDED");
		assertThat(exported.split("\r\n")).hasSize(2);

		String reseller = unique("shop");
		browser.click(By.cssSelector("#tabs button[data-tab=resellers]"));
		browser.type(By.id("rf-id"), reseller);
		browser.type(By.id("rf-name"), "Corner shop");
		browser.type(By.id("rf-level"), "2");
		browser.click(By.id("rf-save"));
		browser.awaitText(By.id("rs-view"), "Link code");
		browser.type(By.id("rt-amount"), "300");
		browser.type(By.id("rt-ref"), "opening");
		browser.click(By.cssSelector("#reseller-topup button"));
		browser.awaitText(By.id("reseller-wallet-error"), "¥300.00");
		browser.awaitText(By.id("rs-view"), "¥300.00");
		browser.step("reseller");

		String coupon = "BROWSER" + sku.replaceAll("[^A-Z0-9]", "").substring(0, 4);
		browser.click(By.cssSelector("#tabs button[data-tab=coupons]"));
		browser.type(By.id("cf-code"), coupon);
		browser.type(By.id("cf-percent"), "15");
		browser.type(By.id("cf-min"), "10");
		browser.type(By.id("cf-skus"), sku);
		browser.type(By.id("cf-max"), "50");
		browser.click(By.cssSelector("#coupon-form button[type=submit]"));
		browser.awaitText(By.id("coupon-form-error"), "Saved");
		browser.awaitText(By.id("coupon-rows"), coupon);
		browser.awaitText(By.id("coupon-rows"), "0 / 50");
		browser.click(By.cssSelector("#coupon-rows button[data-coupon-uses='" + coupon + "']"));
		browser.awaitText(By.id("cu-code"), coupon);
		browser.step("coupon");

		String plan = unique("PLAN").replaceAll("[^A-Za-z0-9_-]", "");
		assertThat(shop().put("/api/admin/plans/" + plan, "{\"name\":\"Staff card\",\"items\":[{\"sku\":\"" + sku
				+ "\",\"quantity\":1}],\"cron\":\"0 0 9 1 * ?\",\"startsAt\":\"2026-01-01T00:00:00Z\",\"periods\":12,\"catchUp\":\"SKIP\"}", TOKEN)
			.statusCode()).isEqualTo(200);
		browser.click(By.cssSelector("#tabs button[data-tab=plans]"));
		browser.awaitText(By.id("plan-rows"), plan);
		browser.click(By.cssSelector("#plan-rows button[data-plan-pause='" + plan + "']"));
		browser.awaitText(By.id("plan-rows"), "PAUSED");
		browser.awaitText(By.id("pl-current"), plan);
		browser.step("plan paused");

		browser.click(By.cssSelector("#tabs button[data-tab=alerts]"));
		browser.awaitText(By.id("alerts-count"), "sent");
		browser.step("alerts");
	}

	@Test
	void buyerOpensAProductLinkPaysAndComesBackToTheCodesThroughTheirPage() {
		String sku = product("Link card", 880, 2);
		browser.driver().get("http://127.0.0.1:" + port + "/?p=" + sku);
		browser.click(By.cssSelector("button.cb[data-data='q:" + sku + ":1']"));
		browser.step("product opened from its link");
		browser.click(By.cssSelector("button.cb[data-data^='pay:sandbox:']"));
		String code = browser.visible(By.cssSelector(".codebox code")).getText();
		assertThat(code).startsWith(sku + "-CODE-");
		browser.step("codes delivered");
		assertThat(browser.driver().findElements(By.cssSelector(".codebox"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector(".bubble")))
			.noneMatch(bubble -> bubble.getText().contains(code));
		assertThat(browser.visible(By.cssSelector(".codebox button.copy")).getText()).isEqualTo("Copy · 复制");

		String page = browser.visible(By.cssSelector("a.file[href*='/codes/']")).getAttribute("href");
		browser.driver().manage().deleteAllCookies();
		browser.driver().get(page);
		assertThat(browser.visible(By.cssSelector("main code")).getText()).isEqualTo(code);
		browser.step("codes page");
	}

	private void signIn() {
		browser.driver().get("http://127.0.0.1:" + port + "/admin.html");
		browser.type(By.id("token"), TOKEN);
		browser.click(By.cssSelector("#login-form button"));
		browser.visible(By.id("tabs"));
		browser.step("signed in");
	}

	/** A file of {@code count} good codes, then one with a bad date and one repeated, as an owner's export might be. */
	private static Path codes(String sku, int count) throws IOException {
		StringBuilder lines = new StringBuilder(count * 24);
		for (int i = 0; i < count; i++) {
			lines.append(sku).append("-B-").append(i).append('\n');
		}
		lines.append(sku).append("-B-bad,2027-13-45\n").append(sku).append("-B-7\n");
		Path file = Path.of("target/test-data/console-codes-" + sku + ".txt");
		Files.createDirectories(file.getParent());
		return Files.writeString(file, lines);
	}

	private static Optional<Path> downloaded(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst();
		}
	}
}
