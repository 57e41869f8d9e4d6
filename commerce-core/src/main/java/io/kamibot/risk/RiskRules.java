package io.kamibot.risk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.kamibot.alerts.AlertAction;
import io.kamibot.alerts.AlertAction.Verb;
import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.catalog.Product;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderRules;
import io.kamibot.ordering.Orders;
import io.kamibot.risk.RiskRefused.Rule;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The risk rules as {@link OrderRules}. The rate of orders is counted by Redisson rate limiters per customer and per
 * client address, so every instance counts against the same budget. A customer who hits a limit of their own is
 * reported to admins as suspected fraud, at most once per rule and window; the limit per address holds many
 * customers (chats are free) and is not reported per customer.
 */
@Component
@EnableConfigurationProperties(RiskSettings.class)
class RiskRules implements OrderRules {

	private final RiskSettings settings;
	private final Bans bans;
	private final Orders orders;
	private final RedissonClient redis;
	private final Alerts alerts;
	private final Clock clock;

	RiskRules(RiskSettings settings, Bans bans, Orders orders, RedissonClient redis, Alerts alerts,
			Clock clock) {
		this.settings = settings;
		this.bans = bans;
		this.orders = orders;
		this.redis = redis;
		this.alerts = alerts;
		this.clock = clock;
	}

	@Override
	public void checkPlacing(String customerId, String origin, Product product, int quantity) {
		if (bans.isBanned(customerId)) {
			throw new RiskRefused(Rule.BANNED, 0);
		}
		if (quantity > settings.maxQuantity()) {
			throw new RiskRefused(Rule.QUANTITY, settings.maxQuantity());
		}
		if (orders.unpaidCount(customerId, settings.maxUnpaid()) >= settings.maxUnpaid()) {
			throw suspicious(customerId, Rule.UNPAID, settings.maxUnpaid());
		}
		if (origin != null && !acquire("kamibot:risk:orders-from:" + origin, settings.ordersPerAddress())) {
			throw new RiskRefused(Rule.ADDRESS, settings.ordersPerAddress());
		}
		if (!acquire("kamibot:risk:orders:" + customerId, settings.ordersPerWindow())) {
			throw suspicious(customerId, Rule.RATE, settings.ordersPerWindow());
		}
	}

	private boolean acquire(String key, int perWindow) {
		RRateLimiter rate = redis.getRateLimiter(key);
		rate.trySetRate(RateType.OVERALL, perWindow, settings.window(), settings.window().multipliedBy(2));
		return rate.tryAcquire();
	}

	@Override
	public Optional<String> reviewReason(Order order) {
		boolean large = order.totalFen() >= settings.reviewFirstOrderFen()
				|| (order.totalStars() != null && order.totalStars() >= settings.reviewFirstOrderStars());
		if (large && !orders.hasDelivered(order.customerId())) {
			return Optional.of("large first order");
		}
		return Optional.empty();
	}

	private RiskRefused suspicious(String customerId, Rule rule, long limit) {
		long bucket = clock.millis() / Math.max(1, settings.window().toMillis());
		alerts.raise(AlertType.SUSPECTED_FRAUD, "fraud:" + customerId + ":" + rule + ":" + bucket,
				List.of(customerId, rule.name()), List.of(new AlertAction(Verb.BAN, customerId)));
		return new RiskRefused(rule, limit);
	}
}
