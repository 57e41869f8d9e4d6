package io.kamibot.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Pushes as WeChat sends them to the Official Account's URL, signed (and in safe mode encrypted) with WxJava's own
 * crypto, so the channel's checks are tested against an independent implementation; replies are opened the same
 * way.
 */
public final class WeChatPushes {

	/** An answer to a push: the HTTP status, the raw body, and the reply's text when it was a passive reply. */
	public record Answer(int status, String body, String text, Duration took) {

		public boolean success() {
			return status == 200 && "success".equals(body);
		}
	}

	private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);
	private static final Pattern TAG = Pattern.compile("<(Encrypt|MsgSignature|TimeStamp|Nonce)><!\\[CDATA\\[(.*?)]]></\\1>|<(TimeStamp)>(\\d+)</TimeStamp>");

	private final String url;
	private final String token;
	private final String aesKey;
	private final String appId;
	private final String accountId;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private final AtomicLong nonces = new AtomicLong(1514711492);

	/** @param aesKey {@code null} for plaintext mode */
	public WeChatPushes(String url, String token, String aesKey, String appId, String accountId) {
		this.url = url;
		this.token = token;
		this.aesKey = aesKey;
		this.appId = appId;
		this.accountId = accountId;
	}

	public String text(String openId, long msgId, String content) {
		return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName><FromUserName><![CDATA[" + openId
				+ "]]></FromUserName><CreateTime>" + (1714036504 + msgId % 1000) + "</CreateTime>"
				+ "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId
				+ "</MsgId></xml>";
	}

	public String event(String openId, long createTime, String event) {
		return event(openId, createTime, event, null);
	}

	public String event(String openId, long createTime, String event, String eventKey) {
		return "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName><FromUserName><![CDATA[" + openId
				+ "]]></FromUserName><CreateTime>" + createTime + "</CreateTime>"
				+ "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
				+ (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>") + "</xml>";
	}

	/** Pushes as WeChat would: signed, and encrypted for our AppId in safe mode. */
	public Answer push(String xml) throws IOException, InterruptedException {
		return push(xml, appId, token);
	}

	/** Pushes encrypted for another AppId, or signed with another token. */
	public Answer push(String xml, String sealedFor, String signedWith) throws IOException, InterruptedException {
		String timestamp = "1714036504";
		String nonce = String.valueOf(nonces.incrementAndGet());
		String query = "signature=" + SHA1.gen(signedWith, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
				+ nonce + "&openid=" + openId(xml);
		String body = xml;
		if (aesKey != null) {
			WxCryptUtil.EncryptContext sealed = new WxCryptUtil(signedWith, aesKey, sealedFor).encryptContext(xml);
			query = "signature=" + SHA1.gen(signedWith, sealed.getTimeStamp(), sealed.getNonce()) + "&timestamp="
					+ sealed.getTimeStamp() + "&nonce=" + sealed.getNonce() + "&openid=" + openId(xml)
					+ "&encrypt_type=aes&msg_signature=" + sealed.getSignature();
			body = "<xml><ToUserName><![CDATA[" + accountId + "]]></ToUserName><Encrypt><![CDATA["
					+ sealed.getEncrypt() + "]]></Encrypt></xml>";
		}
		return post(query, body);
	}

	/** Posts exactly this query and body. */
	public Answer post(String query, String body) throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "?" + query))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		return new Answer(response.statusCode(), response.body(), text(response.body()), took);
	}

	public HttpResponse<String> verify(String signature, String timestamp, String nonce, String echostr)
			throws IOException, InterruptedException {
		String query = "signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce + "&echostr="
				+ URLEncoder.encode(echostr, StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create(url + "?" + query)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String text(String body) {
		if (body == null || !body.startsWith("<xml>")) {
			return null;
		}
		String xml = body;
		if (aesKey != null) {
			String encrypt = null;
			String signature = null;
			String timestamp = null;
			String nonce = null;
			Matcher m = TAG.matcher(body);
			while (m.find()) {
				String name = m.group(1) != null ? m.group(1) : m.group(3);
				String value = m.group(2) != null ? m.group(2) : m.group(4);
				switch (name) {
					case "Encrypt" -> encrypt = value;
					case "MsgSignature" -> signature = value;
					case "TimeStamp" -> timestamp = value;
					default -> nonce = value;
				}
			}
			// decrypt checks the reply's msg_signature too.
			xml = new WxCryptUtil(token, aesKey, appId).decryptContent(signature, timestamp, nonce, encrypt);
		}
		Matcher content = CONTENT.matcher(xml);
		return content.find() ? content.group(1) : null;
	}

	private static String openId(String xml) {
		Matcher m = Pattern.compile("<FromUserName><!\\[CDATA\\[(.*?)]]>").matcher(xml);
		return m.find() ? m.group(1) : "";
	}
}
