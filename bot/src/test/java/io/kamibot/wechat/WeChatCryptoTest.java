package io.kamibot.wechat;

import java.time.Duration;
import java.util.List;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.Reply;
import io.kamibot.wechat.WeChatCrypto.RejectedPush;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The push URL's security and the rendering rules, without a server. */
class WeChatCryptoTest {

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
	private static final String APP_ID = "wx-kamibot-test";
	private static final String TOKEN = "AAAAA";

	private final WeChatCrypto crypto = new WeChatCrypto(settings(AES_KEY));

	@Test
	void signatureMatchesWeChatsPublishedVector() {
		assertThat(WeChatCrypto.signature("AAAAA", "1714036504", "1514711492"))
			.isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
		assertThat(crypto.signed("f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492")).isTrue();
		assertThat(crypto.signed("f464b24fc39322e44b38aa78f5edd27bd1441697", "1714036504", "1514711492")).isFalse();
		assertThat(crypto.signed(null, "1714036504", "1514711492")).isFalse();
		assertThat(crypto.signed("f464b24fc39322e44b38aa78f5edd27bd1441696", null, "1514711492")).isFalse();
	}

	@Test
	void opensWhatWxJavaSealsForOurAppId() {
		String xml = "<xml><Content><![CDATA[你好, 世界]]></Content></xml>";
		WxCryptUtil.EncryptContext sealed = new WxCryptUtil(TOKEN, AES_KEY, APP_ID).encryptContext(xml);
		assertThat(crypto.open(sealed.getSignature(), sealed.getTimeStamp(), sealed.getNonce(), sealed.getEncrypt()))
			.isEqualTo(xml);
	}

	@Test
	void refusesAMessageSealedForAnotherAppId() {
		WxCryptUtil.EncryptContext sealed = new WxCryptUtil(TOKEN, AES_KEY, "wx-someone-else").encryptContext("<xml/>");
		assertThatThrownBy(
				() -> crypto.open(sealed.getSignature(), sealed.getTimeStamp(), sealed.getNonce(), sealed.getEncrypt()))
			.isInstanceOf(RejectedPush.class)
			.hasMessageContaining("AppId");
	}

	@Test
	void refusesABadMsgSignatureOrGarbage() {
		WxCryptUtil.EncryptContext sealed = new WxCryptUtil(TOKEN, AES_KEY, APP_ID).encryptContext("<xml/>");
		String good = sealed.getSignature();
		// flip the first hex digit: prefixing a fixed "0" left the signature unchanged whenever it already began with 0
		String bad = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);
		assertThatThrownBy(() -> crypto.open(bad, sealed.getTimeStamp(),
				sealed.getNonce(), sealed.getEncrypt()))
			.isInstanceOf(RejectedPush.class);
		String garbage = "bm90IGEgY2lwaGVydGV4dA==";
		String signed = WeChatCrypto.signature(TOKEN, "1", "2", garbage);
		assertThatThrownBy(() -> crypto.open(signed, "1", "2", garbage)).isInstanceOf(RejectedPush.class);
	}

	@Test
	void readsPushesAndRefusesMalformedOrEntityLadenXml() {
		WeChatPush text = WeChatPush.parse("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]>"
				+ "</FromUserName><CreateTime>1714036504</CreateTime><MsgType><![CDATA[text]]></MsgType>"
				+ "<Content><![CDATA[ 2 ]]></Content><MsgId>23456</MsgId></xml>");
		assertThat(text.dedupKey()).isEqualTo("msg:23456");
		assertThat(text.content()).isEqualTo("2");
		WeChatPush event = WeChatPush.parse("<xml><FromUserName>o1</FromUserName><CreateTime>1714036504</CreateTime>"
				+ "<MsgType>event</MsgType><Event>subscribe</Event></xml>");
		assertThat(event.dedupKey()).isEqualTo("event:o1:1714036504");
		assertThat(event.isEvent("subscribe")).isTrue();
		assertThatThrownBy(() -> WeChatPush.parse("<xml><FromUserName>o1</Fro")).isInstanceOf(RejectedPush.class);
		assertThatThrownBy(() -> WeChatPush.parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
				+ "\"file:///etc/passwd\">]><xml><FromUserName>&e;</FromUserName><CreateTime>1</CreateTime>"
				+ "<MsgType>text</MsgType></xml>"))
			.isInstanceOf(RejectedPush.class);
		assertThatThrownBy(() -> WeChatPush.parse("<xml><MsgType>text</MsgType></xml>")).isInstanceOf(RejectedPush.class);
	}

	@Test
	void numbersButtonsAcrossRepliesAndDrawsTheQrAfterItsText() {
		Reply menu = Reply.withButtons("Menu", List.of(List.of(new Button("Catalog", "cat"), new Button("Orders", "orders")),
				List.of(new Button("Help", "help"))));
		Reply more = Reply.withButtons("More", List.of(List.of(new Button("Steam 50", "p:STEAM-50"))));
		Reply pay = Reply.scan("Scan to pay\nweixin://wxpay/bizpayurl?pr=abc", "weixin://wxpay/bizpayurl?pr=abc");
		WeChatRenderer.Rendered rendered = WeChatRenderer.render(List.of(menu, more, pay), "Reply with a number:");
		assertThat(rendered.choices()).containsExactly("cat", "orders", "help", "p:STEAM-50");
		assertThat(rendered.messages()).hasSize(4);
		assertThat(((WeChatMessage.Text) rendered.messages().get(0)).content())
			.isEqualTo("Menu\n\nReply with a number:\n1. Catalog\n2. Orders\n3. Help");
		assertThat(((WeChatMessage.Text) rendered.messages().get(1)).content()).endsWith("4. Steam 50");
		byte[] png = ((WeChatMessage.Image) rendered.messages().get(3)).png();
		assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
	}

	@Test
	void splitsLongTextsWithinWeChatsByteLimit() {
		String line = "卡密-0123456789\n";
		String text = line.repeat(300);
		List<String> parts = WeChatRenderer.split(text);
		assertThat(parts).hasSizeGreaterThan(1);
		assertThat(parts).allSatisfy(part -> assertThat(part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(WeChatRenderer.MAX_TEXT_BYTES));
		assertThat(String.join("\n", parts) + "\n").isEqualTo(text);
		List<String> oneLongLine = WeChatRenderer.split("码".repeat(3000));
		assertThat(String.join("", oneLongLine)).isEqualTo("码".repeat(3000));
		assertThat(oneLongLine).allSatisfy(part -> assertThat(part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(WeChatRenderer.MAX_TEXT_BYTES));
	}

	static WeChatSettings settings(String aesKey) {
		return new WeChatSettings(APP_ID, "secret", TOKEN, aesKey, null, Duration.ofSeconds(4), 2, null);
	}
}
