package io.kamibot.admin;

import java.util.List;
import java.util.Map;

import io.kamibot.audit.AuditLog;
import io.kamibot.pricing.Coupon;
import io.kamibot.pricing.CouponDraft;
import io.kamibot.pricing.CouponUse;
import io.kamibot.pricing.Coupons;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Buyers' coupons: create or change one, list them, and see one with its latest uses. */
@RestController
@RequestMapping("/api/admin/coupons")
class CouponsApi {

	private static final int RECENT_USES = 100;

	private final Coupons coupons;
	private final AuditLog audit;

	CouponsApi(Coupons coupons, AuditLog audit) {
		this.coupons = coupons;
		this.audit = audit;
	}

	/** Creates or changes a coupon (its count of uses is kept). */
	@PutMapping("/{code}")
	Coupon put(@PathVariable String code, @RequestBody CouponDraft draft) {
		Coupon saved = coupons.save(code, draft);
		audit.record(AdminApi.ACTOR, "coupon.save", saved.code(), RecordChange.describe(draft));
		return saved;
	}

	@GetMapping
	List<Coupon> list() {
		return coupons.all();
	}

	@GetMapping("/{code}")
	Map<String, Object> get(@PathVariable String code) {
		Coupon coupon = coupons.find(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No coupon " + code));
		List<CouponUse> uses = coupons.uses(coupon.code(), RECENT_USES);
		return Map.of("coupon", coupon, "uses", uses);
	}
}
