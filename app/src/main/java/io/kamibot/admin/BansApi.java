package io.kamibot.admin;

import java.time.Instant;
import java.util.List;

import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.risk.Ban;
import io.kamibot.risk.Bans;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ban list, as {@code /ban}, {@code /unban} and the Ban button keep it. */
@RestController
@RequestMapping("/api/admin/bans")
class BansApi {

	private static final int MAX_LIMIT = 500;

	private final Bans bans;
	private final Customers customers;

	BansApi(Bans bans, Customers customers) {
		this.bans = bans;
		this.customers = customers;
	}

	/** Banned customers, newest ban first, with the chat account each is (at most {@code limit}, 1-500). */
	@GetMapping
	List<BannedCustomer> list(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		return bans.list(limit).stream().map(this::view).toList();
	}

	@PutMapping("/{customerId}")
	BanResult ban(@PathVariable String customerId) {
		return new BanResult(customerId, bans.ban(customerId, AdminApi.ACTOR));
	}

	@DeleteMapping("/{customerId}")
	BanResult unban(@PathVariable String customerId) {
		return new BanResult(customerId, bans.unban(customerId, AdminApi.ACTOR));
	}

	private BannedCustomer view(Ban ban) {
		Customer customer = customers.find(ban.customerId()).orElse(null);
		return new BannedCustomer(ban.customerId(), customer == null ? null : customer.channel(),
				customer == null ? null : customer.userId(), ban.by(), ban.at());
	}

	/**
	 * @param channel and {@code userId}: the chat account, or {@code null} for an id no customer has (yet)
	 */
	record BannedCustomer(String customerId, String channel, String userId, String by, Instant at) {
	}

	/** @param changed whether the ban list changed */
	record BanResult(String customerId, boolean changed) {
	}
}
