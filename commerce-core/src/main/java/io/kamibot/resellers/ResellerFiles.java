package io.kamibot.resellers;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Locale;

import io.kamibot.audit.AuditLog;
import io.kamibot.vault.Vault;
import org.springframework.stereotype.Service;

/**
 * Resellers' files and the links to download them where a chat cannot carry a file: a link is signed for one file
 * and the chat it was handed to, works for a day, only while that chat still acts for the file's reseller, and
 * every download is audited.
 */
@Service
public class ResellerFiles {

	static final Duration LINK_VALIDITY = Duration.ofHours(24);
	public static final String PATH = "/files/";

	private final Resellers resellers;
	private final BulkOrders bulk;
	private final ResellerWallets wallets;
	private final Vault vault;
	private final AuditLog audit;
	private final Clock clock;
	private final String publicUrl;

	ResellerFiles(Resellers resellers, BulkOrders bulk, ResellerWallets wallets, Vault vault, AuditLog audit,
			Clock clock, ResellerSettings settings) {
		this.resellers = resellers;
		this.bulk = bulk;
		this.wallets = wallets;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = settings.publicUrl();
	}

	public ResellerFile codes(BulkReceipt receipt, FileFormat format) {
		return CsvFiles.codes(receipt.order(), receipt.codes(), format);
	}

	public ResellerFile statement(String resellerId, YearMonth month) {
		return CsvFiles.statement(resellerId, month.toString(), wallets.statement(resellerId, month));
	}

	/** A link to a bulk order's codes for the chat of {@code customerId}, valid for a day. */
	public String codesLink(String orderNo, FileFormat format, String customerId) {
		return link("bulk", orderNo, format, customerId);
	}

	/** A link to a month's statement for the chat of {@code customerId}, valid for a day. */
	public String statementLink(YearMonth month, String customerId) {
		return link("statement", month.toString(), FileFormat.CSV, customerId);
	}

	/**
	 * The file a link names, recorded in the audit log as downloaded by the chat it was handed to.
	 *
	 * @throws InvalidFileLink when the link is forged, expired, or its chat no longer acts for the file's reseller
	 */
	public ResellerFile download(String kind, String subject, String format, String customerId, long expires,
			String signature, String from) {
		if (!Vault.constantTimeEquals(sign(kind, subject, format, customerId, expires), signature)
				|| clock.instant().getEpochSecond() > expires) {
			throw new InvalidFileLink();
		}
		Reseller holder = resellers.linkedTo(customerId).orElseThrow(InvalidFileLink::new);
		ResellerFile file = switch (kind) {
			case "bulk" -> {
				BulkOrder order = bulk.byOrderNo(subject).filter(o -> o.resellerId().equals(holder.id()))
					.orElseThrow(InvalidFileLink::new);
				yield codes(bulk.receipt(order, "download"), FileFormat.valueOf(format.toUpperCase(Locale.ROOT)));
			}
			case "statement" -> statement(holder.id(), YearMonth.parse(subject));
			default -> throw new InvalidFileLink();
		};
		audit.record("customer:" + customerId, "reseller.download", kind + ":" + subject, "from " + from);
		return file;
	}

	private String link(String kind, String subject, FileFormat format, String customerId) {
		long expires = clock.instant().plus(LINK_VALIDITY).getEpochSecond();
		String f = format.name().toLowerCase(Locale.ROOT);
		return publicUrl + PATH + kind + "/" + subject + "?f=" + f + "&c=" + customerId + "&e=" + expires + "&s="
				+ sign(kind, subject, f, customerId, expires);
	}

	private String sign(String kind, String subject, String format, String customerId, long expires) {
		return vault.fingerprint("reseller-file\n" + kind + "\n" + subject + "\n" + format + "\n" + customerId + "\n"
				+ expires);
	}
}
