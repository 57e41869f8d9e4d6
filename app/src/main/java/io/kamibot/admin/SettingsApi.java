package io.kamibot.admin;

import io.kamibot.audit.AuditLog;
import io.kamibot.storefront.ShopProfile;
import io.kamibot.storefront.ShopProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shop's name, welcome notice and support contact, which every channel shows. Changes are audited. */
@RestController
@RequestMapping("/api/admin/settings")
class SettingsApi {

	private final ShopProfiles profiles;
	private final AuditLog audit;

	SettingsApi(ShopProfiles profiles, AuditLog audit) {
		this.profiles = profiles;
		this.audit = audit;
	}

	@GetMapping
	ShopProfile get() {
		return profiles.current();
	}

	/** Changes the fields given; an empty notice or support contact removes it. */
	@PutMapping
	ShopProfile put(@RequestBody Change change) {
		ShopProfile saved = profiles.save(change.name(), change.notice(), change.support());
		audit.record(AdminApi.ACTOR, "shop.settings", null,
				"name “" + saved.name() + "”" + (saved.notice() == null ? ", no notice" : ", notice set")
						+ (saved.support() == null ? ", no support contact" : ", support “" + saved.support() + "”"));
		return saved;
	}

	record Change(String name, String notice, String support) {
	}
}
