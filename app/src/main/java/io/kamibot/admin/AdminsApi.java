package io.kamibot.admin;

import java.util.List;

import io.kamibot.admins.Admin;
import io.kamibot.admins.Admins;
import io.kamibot.customer.ChannelIdentity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin list: configured admins (marked so, not removable) and admins added here, on Telegram (user id) or
 * WeChat (OpenID). Every change is in the audit log, by {@code admin-api}.
 */
@RestController
@RequestMapping("/api/admin/admins")
class AdminsApi {


	private final Admins admins;

	AdminsApi(Admins admins) {
		this.admins = admins;
	}

	@GetMapping
	List<Admin> list() {
		return admins.list();
	}

	@PutMapping("/{channel}/{userId}")
	AdminChange add(@PathVariable String channel, @PathVariable String userId) {
		return new AdminChange(channel, userId, admins.add(new ChannelIdentity(channel, userId), AdminApi.ACTOR));
	}

	@DeleteMapping("/{channel}/{userId}")
	AdminChange remove(@PathVariable String channel, @PathVariable String userId) {
		return new AdminChange(channel, userId, admins.remove(new ChannelIdentity(channel, userId), AdminApi.ACTOR));
	}

	/** @param changed whether the admin list changed (not when the admin was already there, or already gone) */
	record AdminChange(String channel, String userId, boolean changed) {
	}
}
