package io.kamibot.wechatpay;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WeChat Pay's settings: what is required once it is on, and the forms keys may take. */
class MerchantTest {

	private static final FakeWeChatPay wechatPay = new FakeWeChatPay();
	private static Map<String, String> properties;

	@BeforeAll
	static void keys() throws IOException {
		wechatPay.start();
		properties = wechatPay.properties();
	}

	@AfterAll
	static void stop() {
		wechatPay.close();
	}

	@Test
	void refusesToStartNamingEveryMissingSetting() {
		WeChatPaySettings settings = new WeChatPaySettings("1900009191", null, null, "SERIAL", null, null, null, null,
				null, null, null);
		assertThatThrownBy(() -> Merchant.of(settings, null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("KAMIBOT_WECHATPAY_APP_ID")
			.hasMessageContaining("KAMIBOT_WECHATPAY_MERCHANT_KEY")
			.hasMessageContaining("KAMIBOT_WECHATPAY_API_V3_KEY")
			.hasMessageContaining("KAMIBOT_WECHATPAY_PLATFORM_PUBLIC_KEY,")
			.hasMessageContaining("KAMIBOT_WECHATPAY_PLATFORM_PUBLIC_KEY_ID")
			.hasMessageContaining("KAMIBOT_WECHATPAY_NOTIFY_URL")
			.hasMessageNotContaining("KAMIBOT_WECHATPAY_MERCHANT_SERIAL");
	}

	@Test
	void takesTheOfficialAccountsAppIdWhenItHasNoneOfItsOwn() {
		Merchant merchant = Merchant.of(settings(null, property("merchant-key"), "abcdefghijABCDEFGHIJ0123456789xy"),
				"wxOfficialAccount");
		assertThat(merchant.appId()).isEqualTo("wxOfficialAccount");
		assertThat(merchant.apiUrl()).isEqualTo(WeChatPaySettings.OFFICIAL_API);
		assertThat(merchant.signedHost()).isTrue();
		assertThat(merchant.toString()).doesNotContain("abcdefghij");
	}

	@Test
	void readsKeysFromPemFilesToo(@TempDir Path dir) throws IOException {
		Path key = Files.writeString(dir.resolve("apiclient_key.pem"), property("merchant-key"));
		Merchant merchant = Merchant.of(settings("wxPay", key.toString(), "abcdefghijABCDEFGHIJ0123456789xy"), null);
		assertThat(merchant.merchantKey().getAlgorithm()).isEqualTo("RSA");
	}

	@Test
	void refusesAnApiV3KeyThatIsNotThirtyTwoCharactersOrAKeyThatIsNotPem() {
		assertThatThrownBy(() -> Merchant.of(settings("wxPay", property("merchant-key"), "short"), null))
			.hasMessageContaining("32 characters");
		assertThatThrownBy(() -> Merchant.of(settings("wxPay", "/no/such/key.pem", "abcdefghijABCDEFGHIJ0123456789xy"),
				null))
			.hasMessageContaining("KAMIBOT_WECHATPAY_MERCHANT_KEY");
	}

	@Test
	void jsapiNeedsTheOfficialAccountsAppIdAndServesFromTheNotifyUrlsOrigin() {
		String key = property("merchant-key");
		String v3 = "abcdefghijABCDEFGHIJ0123456789xy";
		assertThatThrownBy(() -> Merchant.of(settings("wxOtherApp", key, v3, true), "wxOfficialAccount"))
			.hasMessageContaining("KAMIBOT_WECHATPAY_APP_ID (wxOtherApp)")
			.hasMessageContaining("wxOfficialAccount");
		Merchant jsapi = Merchant.of(settings(null, key, v3, true), "wxOfficialAccount");
		assertThat(jsapi.jsapi()).isTrue();
		assertThat(jsapi.publicOrigin()).isEqualTo("https://shop.example");
		assertThat(Merchant.of(settings("wxOtherApp", key, v3, false), "wxOfficialAccount").jsapi()).isFalse();
	}

	private static WeChatPaySettings settings(String appId, String merchantKey, String apiV3Key) {
		return settings(appId, merchantKey, apiV3Key, null);
	}

	private static WeChatPaySettings settings(String appId, String merchantKey, String apiV3Key, Boolean jsapi) {
		return new WeChatPaySettings("1900009191", appId, merchantKey, "SERIAL", apiV3Key,
				property("platform-public-key"), wechatPay.publicKeyId(), URI.create(FakeWeChatPay.NOTIFY_URL), jsapi,
				null, null);
	}

	private static String property(String name) {
		return properties.get("kamibot.wechatpay." + name);
	}
}
