package io.kamibot.resellerchat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kamibot.catalog.Sku;
import io.kamibot.conversation.Button;
import io.kamibot.conversation.ButtonHandler;
import io.kamibot.conversation.Command;
import io.kamibot.conversation.Reply;
import io.kamibot.conversation.Session;
import io.kamibot.resellers.BulkOrders;
import io.kamibot.resellers.BulkPreview;
import io.kamibot.resellers.BulkReceipt;
import io.kamibot.resellers.FileFormat;
import io.kamibot.resellers.Reseller;
import io.kamibot.resellers.ResellerFiles;
import io.kamibot.resellers.ResellerSettings;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * {@code /bulk SKU QTY REF [txt]} and its confirm button ({@code bulk:<token>}): a bulk order paid from the wallet,
 * the codes as a file. Orders of more codes than the setting first show the price with a confirm button; what it
 * confirms waits in Redis for 10 minutes, for this chat only, and is taken once.
 */
@Component
class BulkCommand implements Command, ButtonHandler {

	private static final Duration CONFIRM_WITHIN = Duration.ofMinutes(10);

	private final ResellerChat chat;
	private final BulkOrders bulk;
	private final ResellerFiles files;
	private final RedissonClient redis;
	private final int confirmAbove;
	private final SecureRandom random = new SecureRandom();

	BulkCommand(ResellerChat chat, BulkOrders bulk, ResellerFiles files, RedissonClient redis,
			ResellerSettings settings) {
		this.chat = chat;
		this.bulk = bulk;
		this.files = files;
		this.redis = redis;
		this.confirmAbove = settings.confirmAbove();
	}

	@Override
	public Set<String> names() {
		return Set.of("bulk");
	}

	@Override
	public String prefix() {
		return "bulk";
	}

	@Override
	public List<Reply> handle(Session session, List<String> args) {
		if (session.inbound().isButton()) {
			return confirmed(session, args.isEmpty() ? "" : args.get(0));
		}
		BulkRequest request = BulkRequest.parse(args);
		if (request == null) {
			return ResellerChat.say(session, "reseller.bulk.usage");
		}
		return chat.asReseller(session, reseller -> {
			if (request.quantity() <= confirmAbove) {
				return place(session, reseller, request);
			}
			// Asked only for what would go through now: a quantity out of range, a stock or balance too short, or a
			// reference of another order is answered at once; a reference of this very order returns it again.
			BulkPreview preview = bulk.preview(reseller.id(), new Sku(request.sku()), request.quantity(),
					request.ref());
			if (preview.placed()) {
				return place(session, reseller, request);
			}
			String token = HexFormat.of().formatHex(bytes());
			bucket(token).set(session.customerId() + "\n" + request.encode(), CONFIRM_WITHIN);
			return List.of(Reply.withButtons(session.text("reseller.bulk.confirm", request.sku(), request.quantity(),
					Yuan.of(preview.amountFen()), request.ref(), Yuan.of(preview.balance().balanceFen())),
					List.of(List.of(new Button(session.text("reseller.bulk.confirm.button", request.quantity(),
							request.sku()), "bulk:" + token)))));
		});
	}

	private List<Reply> confirmed(Session session, String token) {
		String pending = token.matches("[0-9a-f]{24}") ? bucket(token).getAndDelete() : null;
		if (pending == null || !pending.startsWith(session.customerId() + "\n")) {
			return ResellerChat.say(session, "reseller.bulk.confirm.expired");
		}
		BulkRequest request = BulkRequest.decode(pending.substring(pending.indexOf('\n') + 1));
		return chat.asReseller(session, reseller -> place(session, reseller, request));
	}

	private List<Reply> place(Session session, Reseller reseller, BulkRequest request) {
		BulkReceipt receipt = bulk.order(reseller.id(), new Sku(request.sku()), request.quantity(), request.ref(),
				session.channel());
		Object[] args = { receipt.order().orderNo(), receipt.order().ref(), receipt.order().quantity(),
				receipt.order().sku(), Yuan.of(receipt.order().amountFen()) };
		String link = files.codesLink(receipt.order().orderNo(), request.format(), session.customerId());
		return ResellerChat.file(session, files.codes(receipt, request.format()),
				session.text("reseller.bulk.done", args), session.text("reseller.bulk.done.link", args[0], args[1],
						args[2], args[3], args[4], link));
	}

	private RBucket<String> bucket(String token) {
		return redis.getBucket("kamibot:bulk-confirm:" + token);
	}

	private byte[] bytes() {
		byte[] bytes = new byte[12];
		random.nextBytes(bytes);
		return bytes;
	}

	/** The words of {@code /bulk SKU QTY REF [txt]}. */
	record BulkRequest(String sku, int quantity, String ref, FileFormat format) {

		static BulkRequest parse(List<String> args) {
			if (args.size() < 3 || args.size() > 4 || !Sku.isValid(args.get(0)) || !args.get(1).matches("[1-9][0-9]{0,5}")
					|| args.size() == 4 && !args.get(3).equalsIgnoreCase("txt") && !args.get(3).equalsIgnoreCase("csv")) {
				return null;
			}
			FileFormat format = args.size() == 4 ? FileFormat.valueOf(args.get(3).toUpperCase(Locale.ROOT))
					: FileFormat.CSV;
			return new BulkRequest(args.get(0), Integer.parseInt(args.get(1)), args.get(2), format);
		}

		static BulkRequest decode(String encoded) {
			String[] parts = encoded.split(" ");
			return new BulkRequest(parts[0], Integer.parseInt(parts[1]), parts[2], FileFormat.valueOf(parts[3]));
		}

		String encode() {
			return sku + " " + quantity + " " + ref + " " + format.name();
		}
	}
}
