package io.kamibot.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.redemption.Redeemer;
import io.kamibot.redemption.RedeemerDraft;
import io.kamibot.redemption.RedeemerKey;
import io.kamibot.redemption.Redeemers;
import io.kamibot.stock.GeneratedBatch;
import io.kamibot.stock.Redemption;
import io.kamibot.stock.Vouchers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shop's own vouchers: generating codes of an own product, and the redeemers with their keys. All audited. */
@RestController
@RequestMapping("/api/admin")
class VouchersApi {

	private static final int DEFAULT_LENGTH = 16;

	private final Vouchers vouchers;
	private final Redeemers redeemers;
	private final Catalog catalog;
	private final AuditLog audit;

	VouchersApi(Vouchers vouchers, Redeemers redeemers, Catalog catalog, AuditLog audit) {
		this.vouchers = vouchers;
		this.catalog = catalog;
		this.redeemers = redeemers;
		this.audit = audit;
	}

	/** Generates codes of an own product and puts them on sale; the answer is the batch, never the codes. */
	@PostMapping("/products/{sku}/generate")
	@ResponseStatus(HttpStatus.CREATED)
	GeneratedBatch generate(@PathVariable String sku, @RequestBody GenerateRequest request) {
		if (request.count() == null) {
			throw new IllegalArgumentException("count is required");
		}
		int length = request.length() != null ? request.length() : DEFAULT_LENGTH;
		GeneratedBatch batch = vouchers.generate(new Sku(sku), request.count(), length, request.expiresOn(),
				"admin-api");
		audit.record(AdminApi.ACTOR, "stock.generate", sku, batch.count() + " codes, batch " + batch.batchId());
		return batch;
	}

	/**
	 * What a redemption of the code would answer now, over every own product, without redeeming it: the console's
	 * "check a code". The code is never recorded; the check is (its answer only).
	 */
	@PostMapping("/vouchers/check")
	Redemption check(@RequestBody CodeCheck request) {
		if (request.code() == null || request.code().isBlank()) {
			throw new IllegalArgumentException("code is required");
		}
		List<String> own = catalog.all().stream().filter(Product::ownVoucher).map(Product::sku).toList();
		Redemption answer = vouchers.check(request.code(), own);
		audit.record(AdminApi.ACTOR, "voucher.check", answer.orderNo() != null ? answer.orderNo() : "-",
				answer.outcome().name());
		return answer;
	}

	/** Creates the redeemer or changes the fields given; every SKU must be an own product. */
	@PutMapping("/redeemers/{id}")
	RedeemerView save(@PathVariable String id, @RequestBody RedeemerDraft draft) {
		Redeemer redeemer = redeemers.save(id, draft);
		audit.record(AdminApi.ACTOR, "redeemer.save", id, RecordChange.describe(draft));
		return view(redeemer);
	}

	@GetMapping("/redeemers/{id}")
	RedeemerView get(@PathVariable String id) {
		return view(redeemers.get(id));
	}

	@GetMapping("/redeemers")
	List<RedeemerView> all() {
		return redeemers.all().stream().map(VouchersApi::view).toList();
	}

	/** Issues a new signing key; the secret is in this answer only, and the key before stops working. */
	@PostMapping("/redeemers/{id}/keys")
	RedeemerKey issueKey(@PathVariable String id) {
		RedeemerKey key = redeemers.issueKey(id);
		audit.record(AdminApi.ACTOR, "redeemer.key", id, key.keyId());
		return key;
	}

	/** Makes a chat ({@code telegram:-100…}, {@code webchat:…}) the redeemer's staff chat, where /redeem works. */
	@PostMapping("/redeemers/{id}/staff-chats")
	RedeemerView addStaffChat(@PathVariable String id, @RequestBody StaffChat chat) {
		if (chat.chat() == null || !chat.chat().matches("[a-z]+:[A-Za-z0-9_@.-]{1,128}")) {
			throw new IllegalArgumentException("chat is channel:chatId, e.g. telegram:-1001234");
		}
		RedeemerView view = view(redeemers.addStaffChat(id, chat.chat()));
		audit.record(AdminApi.ACTOR, "redeemer.staff-chat", id, chat.chat());
		return view;
	}

	private static RedeemerView view(Redeemer r) {
		return new RedeemerView(r.id(), r.name(), r.skus(), r.keyId(), r.staffChats(), r.createdAt(), r.updatedAt());
	}

	/** @param length characters of each code with its check character (16 unless given) */
	record GenerateRequest(Integer count, Integer length, LocalDate expiresOn) {
	}

	record StaffChat(String chat) {
	}

	record CodeCheck(String code) {
	}

	/** A redeemer without its secret. */
	record RedeemerView(String id, String name, List<String> skus, String keyId, List<String> staffChats,
			Instant createdAt, Instant updatedAt) {
	}
}
