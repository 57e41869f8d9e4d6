package io.kamibot.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.kamibot.shop.ShopClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What issue #15 asks of the console and the storefront, in a real Chromium and nothing else: an owner creates a
 * product, imports 10,000 codes from a file with the upload's progress on show, sells one in the web chat, reads the
 * dashboard, finds the order with its whole history, refunds it and exports the month's orders; the buyer, on
 * another device, has no orders in a new chat and gets the codes back through the link of the delivery.
 */
@Timeout(300)
class ConsoleBrowserTest extends BrowserShop {

	@Test
	void ownerRunsTheShopAndABuyerComesBackToTheCodesFromAnotherDevice() throws IOException {
		String sku = unique("WEB");
		browser.signIn(port, TOKEN);
		createProduct(sku);
		importTenThousandCodes(sku);

		String console = browser.driver().getWindowHandle();
		browser.driver().switchTo().newWindow(WindowType.TAB);
		Purchase bought = buyInTheWebChat(sku);
		comeBackFromAnotherDevice(bought);
		browser.driver().close();
		browser.driver().switchTo().window(console);

		browser.click(By.cssSelector("#tabs button[data-tab=dashboard]"));
		browser.click(By.cssSelector("#dash-periods button[data-days='1']"));
		browser.awaitText(By.id("dash-top"), sku);
		await("one day's bar").atMost(Duration.ofSeconds(15))
			.until(() -> browser.driver().findElements(By.cssSelector("#dash-chart .bar")).size() == 1);
		browser.step("dashboard");

		findAndRefund(sku, bought.orderNo());
		exportTheMonth(bought.orderNo());
	}

	private void createProduct(String sku) {
		browser.click(By.cssSelector("#tabs button[data-tab=products]"));
		browser.type(By.id("pf-sku"), sku);
		browser.type(By.id("pf-title"), "Browser card 浏览器卡");
		browser.type(By.id("pf-title-en"), "Browser card");
		browser.type(By.id("pf-price"), "12.5");
		browser.type(By.id("pf-threshold"), "3");
		browser.click(By.id("pf-save"));
		browser.awaitText(By.id("product-form-error"), "Saved");
		browser.awaitText(By.id("products"), sku);
		browser.step("product created");
		assertThat(ShopClient.ok(shop().get("/api/admin/products/" + sku, TOKEN)).get("priceFen").asLong())
			.isEqualTo(1250);
	}

	private void importTenThousandCodes(String sku) throws IOException {
		browser.click(By.cssSelector("#products button[data-act=stock][data-sku='" + sku + "']"));
		Path file = codes(sku, 10_000);
		browser.visible(By.id("stock-file")).sendKeys(file.toAbsolutePath().toString());
		browser.awaitText(By.id("stock-file-name"), file.getFileName().toString());
		// Every text the progress line shows, as the page writes it; read back once the import is done.
		browser.recordTexts("stock-progress-text");
		browser.click(By.id("stock-import"));
		// 10,000 codes take a few seconds to check, seal and store; far longer on a machine busy with other builds.
		String report = browser.awaitText(By.id("stock-report"), "Imported · 已导入 10000", Duration.ofSeconds(120));
		assertThat(report).contains("rejected · 拒绝 1").contains("10002").contains("bad date");
		assertThat(browser.recorded("stock-progress-text")).contains("Uploading · 上传中 100% · checking codes · 校验中…")
			.last()
			.isEqualTo("Done · 完成");
		assertThat(browser.visible(By.id("stock-progress")).getDomProperty("value")).isEqualTo("100");
		browser.awaitText(By.id("stock-history"), "10000 imported");
		browser.step("codes imported");
	}

	/** In the web chat, as a buyer who followed the product's link: choose one, pay, take the code. */
	private Purchase buyInTheWebChat(String sku) {
		browser.driver().get("http://127.0.0.1:" + port + "/?p=" + sku);
		browser.click(By.cssSelector("button.cb[data-data='q:" + sku + ":1']"));
		browser.step("product opened from its link");
		browser.click(By.cssSelector("button.cb[data-data^='pay:sandbox:']"));
		String code = browser.visible(By.cssSelector(".codebox code")).getText();
		assertThat(code).startsWith(sku + "-B-");
		browser.step("code delivered");
		assertThat(browser.driver().findElements(By.cssSelector(".codebox"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector(".bubble")))
			.noneMatch(bubble -> bubble.getText().contains(code));
		assertThat(browser.visible(By.cssSelector(".codebox button.copy")).getText()).isEqualTo("Copy · 复制");
		String page = browser.visible(By.cssSelector("a.file[href*='/codes/']")).getDomProperty("href");
		String orderNo = page.replaceAll(".*/codes/([^?]+)\\?.*", "$1");
		assertThat(orderNo).matches("K\\d{6}[A-Z0-9]{8}");
		return new Purchase(orderNo, code, page);
	}

	/** Nothing of the chat survives (as on another phone): a new chat has no orders, the link has the code. */
	private void comeBackFromAnotherDevice(Purchase bought) {
		browser.forgetTheSite();
		browser.driver().get("http://127.0.0.1:" + port + "/");
		browser.type(By.id("input"), "/orders");
		browser.click(By.id("send"));
		browser.awaitAnyText(By.id("messages"), "You have no orders yet", "您还没有订单");
		browser.step("another device: no orders in a new chat");
		browser.driver().get(bought.page());
		assertThat(browser.visible(By.cssSelector("main code")).getText()).isEqualTo(bought.code());
		browser.step("codes page");
	}

	private void findAndRefund(String sku, String orderNo) {
		browser.click(By.cssSelector("#tabs button[data-tab=orders]"));
		browser.type(By.id("of-sku"), sku);
		browser.click(By.id("of-search"));
		browser.awaitText(By.id("orders"), orderNo);
		browser.click(By.cssSelector("#orders tr[data-order='" + orderNo + "']"));
		browser.awaitText(By.id("od-number"), orderNo);
		browser.awaitText(By.id("od-fields"), "Delivered · 已发货");
		assertThat(browser.awaitText(By.id("od-events"), "Delivered · 发货")).contains("Placed · 下单")
			.contains("Paid · 付款");
		assertThat(browser.awaitText(By.id("od-payments"), "sandbox")).contains("¥12.50").contains("Accepted · 已入账");
		assertThat(browser.awaitText(By.id("od-deliveries"), "Delivered · 发货 × 1")).contains("web-link");
		browser.awaitText(By.id("od-refunds"), "None · 无");
		browser.step("order found with its history");

		browser.click(By.cssSelector("#od-actions button[data-act=refund]"));
		browser.confirm();
		browser.awaitText(By.id("order-detail-error"), "REFUNDED");
		browser.awaitText(By.id("od-fields"), "Refunded · 已退款");
		browser.awaitText(By.id("od-events"), "Refunded · 退款");
		assertThat(browser.awaitText(By.id("od-refunds"), "Done · 已退款")).contains("sandbox").contains("admin");
		browser.awaitText(By.id("od-history"), "order.refund");
		browser.step("order refunded");
	}

	/** The month's orders, whatever their product, in the browser's days; the refunded order is among them. */
	private void exportTheMonth(String orderNo) throws IOException {
		LocalDate today = LocalDate.now();
		LocalDate first = today.withDayOfMonth(1);
		LocalDate last = today.withDayOfMonth(today.lengthOfMonth());
		browser.type(By.id("of-sku"), "");
		browser.typeDate(By.id("of-from"), first);
		browser.typeDate(By.id("of-to"), last);
		browser.click(By.id("of-search"));
		browser.awaitText(By.id("orders"), orderNo);
		browser.click(By.id("of-export"));
		Path csv = await("the exported CSV").atMost(Duration.ofSeconds(15))
			.until(() -> downloaded(browser.downloads()), Optional::isPresent)
			.orElseThrow();
		browser.step("month exported");
		List<String> lines = Arrays.asList(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
		assertThat(lines.get(0)).startsWith("\uFEFForder,created,status");
		assertThat(lines).anyMatch(line -> line.startsWith(orderNo + ",") && line.contains(",REFUNDED,"));
		ZoneId zone = ZoneId.systemDefault();
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
		assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
			Instant created = Instant.parse(line.split(",")[1]);
			assertThat(created).isAfterOrEqualTo(from).isBefore(to);
		});
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

	/** @param page the personal link to the order's codes */
	private record Purchase(String orderNo, String code, String page) {
	}
}
