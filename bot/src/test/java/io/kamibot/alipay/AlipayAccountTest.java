package io.kamibot.alipay;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start refuses an Alipay set up by halves, naming what is missing; keys come as PEM, Base64 or a file. */
class AlipayAccountTest {

	private static final FakeAlipay alipay = new FakeAlipay();
	private static final Map<String, String> SETTINGS = alipay.settings("https://shop.example/alipay/notify");

	@Test
	void namesEverySettingThatIsMissing() {
		AlipaySettings halves = new AlipaySettings("2021000000000042", null, " ", null, null, null);
		assertThatThrownBy(() -> AlipayAccount.of(halves)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("KAMIBOT_ALIPAY_PRIVATE_KEY")
			.hasMessageContaining("KAMIBOT_ALIPAY_PUBLIC_KEY")
			.hasMessageContaining("KAMIBOT_ALIPAY_SELLER_ID")
			.hasMessageContaining("KAMIBOT_ALIPAY_NOTIFY_URL");
		assertThat(halves.gatewayUrl()).isEqualTo(AlipaySettings.OFFICIAL_GATEWAY);
	}

	@Test
	void readsKeysAsPemAsBase64AndFromAFile(@TempDir Path dir) throws Exception {
		Path keyFile = Files.writeString(dir.resolve("app_private_key.pem"), SETTINGS.get("kamibot.alipay.private-key"));
		AlipayAccount fromPemAndBase64 = AlipayAccount.of(settings(SETTINGS.get("kamibot.alipay.private-key")));
		AlipayAccount fromFile = AlipayAccount.of(settings(keyFile.toString()));
		assertThat(fromFile.privateKey()).isEqualTo(fromPemAndBase64.privateKey());
		assertThat(fromFile.alipayKeyBase64()).isEqualTo(SETTINGS.get("kamibot.alipay.public-key"));
		assertThat(fromFile.toString()).doesNotContain(fromFile.privateKeyBase64().substring(0, 40));
	}

	@Test
	void refusesAKeyThatIsNone() {
		assertThatThrownBy(() -> AlipayAccount.of(settings("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + "A".repeat(100))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("KAMIBOT_ALIPAY_PRIVATE_KEY is not an RSA private key in PKCS#8");
		assertThatThrownBy(() -> AlipayAccount.of(settings("/no/such/key.pem")))
			.hasMessage("KAMIBOT_ALIPAY_PRIVATE_KEY is neither a key nor a readable key file");
	}

	@Test
	void convertsYuanAndFenExactly() {
		assertThat(Yuan.of(1)).isEqualTo("0.01");
		assertThat(Yuan.of(250)).isEqualTo("2.50");
		assertThat(Yuan.of(1_234_567)).isEqualTo("12345.67");
		assertThat(Yuan.toFen("2.5")).contains(250L);
		assertThat(Yuan.toFen("0.01")).contains(1L);
		assertThat(Yuan.toFen("12")).contains(1200L);
		for (String wrong : new String[] { "1.234", "-1.00", "1e3", " 1.00", "", "1.", ".5", "NaN" }) {
			assertThat(Yuan.toFen(wrong)).as(wrong).isEmpty();
		}
		assertThat(Yuan.toFen(null)).isEmpty();
	}

	private static AlipaySettings settings(String privateKey) {
		return new AlipaySettings(FakeAlipay.APP_ID, privateKey, SETTINGS.get("kamibot.alipay.public-key"),
				FakeAlipay.SELLER_ID, URI.create("https://shop.example/alipay/notify"), null);
	}
}
