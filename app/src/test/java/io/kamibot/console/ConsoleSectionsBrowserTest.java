package io.kamibot.console;

import java.util.List;

import io.kamibot.shop.ShopClient;
import io.kamibot.stock.Vouchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's other sections in a real Chromium, sharing the running shop of {@link ConsoleBrowserTest}: the
 * resellers list with a reseller's wallet, link code and key; own vouchers with a generated batch, a redeemer, a code
 * checked before and after it is used, and its order refunded only on a second confirmation; a coupon and its uses; a benefit plan paused; the alerts.
 */
@Timeout(180)
class ConsoleSectionsBrowserTest extends BrowserShop {

	@Autowired
	Vouchers vouchers;

	@BeforeEach
	void signIn() {
		browser.signIn(port, TOKEN);
	}

	@Test
	void resellersAreListedCreatedToppedUpAndKeyed() {
		String reseller = unique("shop");
		browser.click(By.cssSelector("#tabs button[data-tab=resellers]"));
		browser.type(By.id("rf-id"), reseller);
		browser.type(By.id("rf-name"), "Corner shop");
		browser.type(By.id("rf-level"), "2");
		browser.click(By.id("rf-save"));
		browser.awaitText(By.id("rs-view"), "Link code");
		browser.awaitText(By.id("reseller-rows"), reseller);
		browser.type(By.id("rt-amount"), "300");
		browser.type(By.id("rt-ref"), "opening");
		browser.click(By.cssSelector("#reseller-topup button"));
		browser.awaitText(By.id("reseller-wallet-error"), "¥300.00");
		browser.awaitText(By.id("rs-view"), "¥300.00");
		String row = browser.awaitText(By.cssSelector("#reseller-rows tr[data-reseller='" + reseller + "']"), "¥300.00");
		assertThat(row).contains("Corner shop").contains("Active · 正常");
		browser.click(By.id("rs-key"));
		browser.confirm();
		String shown = browser.awaitText(By.id("reseller-wallet-error"), "shown once");
		String keyId = shown.replaceAll("(?s).*Key · 密钥 (\\S+) .*", "$1");
		browser.awaitText(By.cssSelector("#reseller-rows tr[data-reseller='" + reseller + "']"), keyId);
		assertThat(ShopClient.ok(shop().get("/api/admin/resellers/" + reseller, TOKEN)).get("keyId").asString())
			.isEqualTo(keyId);
		browser.step("reseller");
	}

	@Test
	void ownVouchersAreGeneratedRedeemersKeyedAndACodeChecked() {
		String sku = unique("OWN");
		browser.click(By.cssSelector("#tabs button[data-tab=products]"));
		browser.type(By.id("pf-sku"), sku);
		browser.type(By.id("pf-title"), "Coffee card 咖啡卡");
		browser.type(By.id("pf-price"), "30");
		new Select(browser.visible(By.id("pf-issuer"))).selectByValue("SHOP");
		browser.click(By.id("pf-save"));
		browser.awaitText(By.id("product-form-error"), "Saved");

		browser.click(By.cssSelector("#tabs button[data-tab=vouchers]"));
		browser.awaitText(By.id("vg-sku"), sku);
		new Select(browser.visible(By.id("vg-sku"))).selectByValue(sku);
		browser.type(By.id("vg-count"), "20");
		browser.click(By.id("vg-generate"));
		browser.awaitText(By.id("voucher-form-error"), "Generated · 已生成 20 · " + sku);
		browser.step("vouchers generated");

		String cafe = unique("cafe");
		browser.type(By.id("rd-id"), cafe);
		browser.type(By.id("rd-name"), "Cafe on 5th");
		browser.type(By.id("rd-skus"), sku);
		browser.click(By.id("rd-save"));
		browser.awaitText(By.id("redeemer-rows"), cafe);
		browser.click(By.cssSelector("#redeemer-rows button[data-redeemer-key='" + cafe + "']"));
		browser.confirm();
		browser.awaitText(By.id("redeemers-error"), "shown once");
		String keyId = ShopClient.ok(shop().get("/api/admin/redeemers/" + cafe, TOKEN)).get("keyId").asString();
		browser.awaitText(By.id("redeemer-rows"), keyId);
		browser.step("redeemer keyed");

		String chat = unique("coffee");
		ShopClient buyer = shop();
		String orderNo = orderNo(buyer.say(chat, "/buy " + sku + " 1"));
		buyer.press(chat, "pay:sandbox:" + orderNo);
		String code = ShopClient.codes(buyer.awaitCodes(chat)).get(0).asString();
		browser.type(By.id("vc-code"), code);
		browser.click(By.cssSelector("#voucher-check button"));
		assertThat(browser.awaitText(By.id("vc-result"), "Sold, not yet used · 已售出，未核销")).contains(orderNo)
			.contains(sku);
		browser.step("code checked");
		vouchers.redeem(code, cafe, List.of(sku)); // at the cafe's counter
		browser.click(By.cssSelector("#voucher-check button"));
		assertThat(browser.awaitText(By.id("vc-result"), "Used · 已核销")).contains(cafe);
		browser.type(By.id("vc-code"), "2222-2222-2222-2222");
		browser.click(By.cssSelector("#voucher-check button"));
		browser.awaitAnyText(By.id("vc-result"), "Mistyped", "No such code");

		// Its money goes back only when the owner confirms a second time that the used code is refunded too.
		browser.click(By.cssSelector("#tabs button[data-tab=orders]"));
		browser.type(By.id("of-order"), orderNo);
		browser.click(By.id("of-search"));
		browser.click(By.cssSelector("#orders tr[data-order='" + orderNo + "']"));
		browser.click(By.cssSelector("#od-actions button[data-act=refund]"));
		browser.confirm();
		browser.confirm();
		browser.awaitText(By.id("order-detail-error"), "REFUNDED");
		browser.awaitText(By.id("od-history"), "order.refund.redeemed-override");
		browser.step("used voucher refunded on a second confirmation");
	}

	@Test
	void couponsAndPlansAndAlerts() {
		String sku = product("Plan card", 500, 3);
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
				+ "\",\"quantity\":1}],\"cron\":\"0 0 9 1 * ?\",\"startsAt\":\"2030-01-01T00:00:00Z\",\"periods\":12,\"catchUp\":\"SKIP\"}", TOKEN)
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
}
