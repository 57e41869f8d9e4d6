package io.kamibot.admin;

import java.util.List;

import io.kamibot.audit.AuditLog;
import io.kamibot.resellers.ApiKey;
import io.kamibot.resellers.Reseller;
import io.kamibot.resellers.ResellerDraft;
import io.kamibot.resellers.ResellerStatus;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.resellers.Resellers;
import io.kamibot.resellers.Resellers.Saved;
import io.kamibot.wallet.Balance;
import io.kamibot.wallet.LedgerEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Resellers: accounts with a one-time link code, Open API keys, wallet top-ups and adjustments. All audited. */
@RestController
@RequestMapping("/api/admin/resellers")
class ResellersApi {

	private static final int LISTED = 500;

	private final Resellers resellers;
	private final ResellerWallets wallets;
	private final AuditLog audit;

	ResellersApi(Resellers resellers, ResellerWallets wallets, AuditLog audit) {
		this.resellers = resellers;
		this.wallets = wallets;
		this.audit = audit;
	}

	/** Creates the reseller or changes the fields given; the answer carries a fresh one-time link code. */
	@PutMapping("/{id}")
	ResellerView save(@PathVariable String id, @RequestBody ResellerDraft draft) {
		Saved saved = resellers.save(id, draft);
		audit.record(AdminApi.ACTOR, "reseller.save", id, RecordChange.describe(draft));
		return view(saved.reseller(), saved.linkCode());
	}

	/** Every reseller (the first 500 by id) with its balance, for the console's list. */
	@GetMapping
	List<ResellerView> all() {
		return resellers.all(LISTED).stream().map(r -> view(r, null)).toList();
	}

	@GetMapping("/{id}")
	ResellerView get(@PathVariable String id) {
		return view(resellers.get(id), null);
	}

	/** Issues a new key; the secret is in this answer only, and the key before stops working. */
	@PostMapping("/{id}/keys")
	ApiKey issueKey(@PathVariable String id) {
		ApiKey key = resellers.issueKey(id);
		audit.record(AdminApi.ACTOR, "reseller.key", id, key.keyId());
		return key;
	}

	/** A top-up (positive) or adjustment (negative), once per reference. */
	@PostMapping("/{id}/wallet")
	LedgerEntry post(@PathVariable String id, @RequestBody WalletChange change) {
		if (change.amountFen() == null) {
			throw new IllegalArgumentException("amountFen is required");
		}
		LedgerEntry entry = wallets.topUp(id, change.amountFen(), change.ref(), change.note());
		audit.record(AdminApi.ACTOR, "reseller.wallet", id, entry.amountFen() + " fen, ref " + entry.ref());
		return entry;
	}

	private ResellerView view(Reseller reseller, String linkCode) {
		Balance balance = wallets.balance(reseller.id());
		return new ResellerView(reseller.id(), reseller.name(), reseller.level(), reseller.status(),
				balance.creditLimitFen(), reseller.parentId(), reseller.keyId(), reseller.lowBalanceFen(),
				balance.balanceFen(), linkCode);
	}

	/**
	 * @param keyId the Open API key id, or {@code null} before one was issued (the secret is never shown again)
	 * @param linkCode a fresh one-time code for {@code /link}, valid 24 hours; only in the answer to a save
	 */
	record ResellerView(String id, String name, int level, ResellerStatus status, long creditLimitFen,
			String parentId, String keyId, Long lowBalanceFen, long balanceFen, String linkCode) {
	}

	record WalletChange(Long amountFen, String ref, String note) {
	}
}
