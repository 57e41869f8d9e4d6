package io.kamibot.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.kamibot.inbox.Inbox;
import io.kamibot.wechat.WeChatCrypto.RejectedPush;
import jakarta.servlet.http.HttpServletRequest;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Official Account's push URL. {@code GET} answers WeChat's URL check; {@code POST} takes a message or event,
 * checks its signature (and in safe mode its {@code msg_signature} and AppId), stores it once in the inbox, and
 * waits up to {@code reply-within} for the answer to send back as the passive reply. Slower answers, and pushes
 * seen before, are answered {@code success} at once; the answer then follows as customer-service messages. Nothing
 * of a rejected push is stored or processed.
 * <p>
 * The wait is an asynchronous response: the request's server thread goes back to the pool while the push waits, so
 * slow answers cannot use up the server's threads (on Java 17 they are platform threads).
 */
@RestController
@RequestMapping("/wechat/mp")
@OnWeChat
class WeChatEndpoint {

	private static final Logger log = LoggerFactory.getLogger(WeChatEndpoint.class);
	/** WeChat's pushes are a few hundred bytes; anything near this is not from WeChat. */
	private static final int MAX_BODY = 64 * 1024;
	private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final WeChatSettings settings;
	private final WeChatCrypto crypto;
	private final Inbox inbox;
	private final ReplyWaiters waiters;
	private final WeChatWorkers workers;
	private final WxMpConfigStorage account;

	WeChatEndpoint(WeChatSettings settings, WeChatCrypto crypto, Inbox inbox, ReplyWaiters waiters,
			WeChatWorkers workers, WxMpConfigStorage account) {
		this.settings = settings;
		this.crypto = crypto;
		this.inbox = inbox;
		this.waiters = waiters;
		this.workers = workers;
		this.account = account;
	}

	@GetMapping
	ResponseEntity<String> verify(@RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		if (echostr == null || !crypto.signed(signature, timestamp, nonce)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT).body("forbidden");
		}
		return ResponseEntity.ok().contentType(TEXT).body(echostr);
	}

	@PostMapping
	CompletableFuture<ResponseEntity<String>> push(@RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature, HttpServletRequest request)
			throws IOException {
		if (!crypto.signed(signature, timestamp, nonce)) {
			log.warn("Refused a WeChat push with a bad signature from {}", request.getRemoteAddr());
			return CompletableFuture
				.completedFuture(ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT).body("forbidden"));
		}
		WeChatPush push;
		String xml;
		try {
			String body = body(request);
			boolean encrypted = "aes".equalsIgnoreCase(encryptType);
			if (encrypted != settings.safeMode()) {
				throw new RejectedPush(settings.safeMode() ? "a plaintext push in safe mode"
						: "an encrypted push, but no EncodingAESKey is configured");
			}
			xml = encrypted ? crypto.open(msgSignature, timestamp, nonce, WeChatPush.encrypted(body)) : body;
			push = WeChatPush.parse(xml);
		}
		catch (RejectedPush e) {
			log.warn("Refused a WeChat push: {}", e.getMessage());
			return CompletableFuture.completedFuture(ResponseEntity.badRequest().contentType(TEXT).body("bad request"));
		}
		// Seen before (WeChat retries when an answer is slow): the first one is being, or was, answered.
		String pushId = WeChatSettings.CHANNEL + ":" + push.dedupKey();
		Optional<CompletableFuture<WeChatMessage.Text>> answer = waiters.register(pushId);
		if (answer.isEmpty()) {
			return CompletableFuture.completedFuture(success());
		}
		boolean stored = false;
		try {
			stored = inbox.accept(WeChatSettings.CHANNEL, push.dedupKey(), push.from(), xml);
		}
		finally {
			if (!stored) {
				// A repeat, or the database failed (the 500 makes WeChat push again).
				waiters.forget(pushId, answer.get());
			}
		}
		if (!stored) {
			return CompletableFuture.completedFuture(success());
		}
		workers.wake();
		return waiters.await(pushId, answer.get(), settings.replyWithin())
			.thenApply(passive -> passive.map(text -> passiveReply(push, text)).orElseGet(WeChatEndpoint::success));
	}

	private ResponseEntity<String> passiveReply(WeChatPush push, WeChatMessage.Text text) {
		WxMpXmlOutMessage reply = WxMpXmlOutMessage.TEXT()
			.content(text.content())
			.fromUser(push.to())
			.toUser(push.from())
			.build();
		return ResponseEntity.ok()
			.contentType(XML)
			.body(settings.safeMode() ? reply.toEncryptedXml(account) : reply.toXml());
	}

	private static ResponseEntity<String> success() {
		return ResponseEntity.ok().contentType(TEXT).body("success");
	}

	private static String body(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BODY + 1);
			if (bytes.length > MAX_BODY) {
				throw new RejectedPush("a push of more than " + MAX_BODY + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}
}
