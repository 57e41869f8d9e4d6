package io.kamibot.redemption;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.kamibot.alerts.AlertType;
import io.kamibot.alerts.Alerts;
import io.kamibot.events.DomainEvents;
import io.kamibot.stock.Redemption;
import io.kamibot.stock.Redemption.Outcome;
import io.kamibot.stock.Vouchers;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Redeems and checks codes for a redeemer, from the API or a staff chat alike. Codes that are no vouchers (mistyped or
 * unknown) are misses: past {@code missesPerMinute} a redeemer is refused everything for a minute, and the admins are
 * alerted once per ten minutes, so codes cannot be found by guessing. A redeemer found not blocked is taken as such
 * for {@link #CLEAR_FOR} before Redis is asked again, so a counter redeeming a thousand codes a second does not ask
 * for every one: a block set here holds at once, one set by another instance of the shop within that while.
 */
@Service
@EnableConfigurationProperties(RedemptionSettings.class)
public class Redemptions {

	static final Duration BLOCK = Duration.ofMinutes(1);
	static final Duration CLEAR_FOR = Duration.ofMillis(500);
	private static final long ALERT_WINDOW_SECONDS = 600;
	/** Redeemers are few (an admin adds each); past this many the map starts over rather than grow. */
	private static final int MAX_CLEAR = 10_000;

	private final Vouchers vouchers;
	private final RedissonClient redis;
	private final Alerts alerts;
	private final DomainEvents events;
	private final Clock clock;
	private final RedemptionSettings settings;
	/** Redeemer id → {@link System#nanoTime()} until which it is taken as not blocked. */
	private final Map<String, Long> clearUntil = new ConcurrentHashMap<>();
	/** Blocks set here: a redeemer read as not blocked before one is set is not kept as such. */
	private final AtomicLong blocks = new AtomicLong();

	Redemptions(Vouchers vouchers, RedissonClient redis, Alerts alerts, DomainEvents events, Clock clock,
			RedemptionSettings settings) {
		this.vouchers = vouchers;
		this.redis = redis;
		this.alerts = alerts;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Redeems the code for the redeemer, exactly once whatever runs concurrently.
	 *
	 * @param via where it is redeemed: {@code api} or the staff chat's channel
	 * @throws TooManyMisses when the redeemer missed too often lately; nothing is looked at
	 */
	public Redemption redeem(Redeemer redeemer, String code, String via) {
		refuseWhileBlocked(redeemer);
		Redemption redemption = vouchers.redeem(code, redeemer.id(), redeemer.skus());
		if (redemption.outcome() == Outcome.REDEEMED) {
			events.publish(new CodeRedeemed(redemption.sku(), redemption.orderNo(), redeemer.id(),
					redemption.redeemedAt(), via));
		}
		return counted(redeemer, redemption);
	}

	/** What {@link #redeem} would answer, without redeeming. Misses count the same. */
	public Redemption check(Redeemer redeemer, String code) {
		refuseWhileBlocked(redeemer);
		return counted(redeemer, vouchers.check(code, redeemer.skus()));
	}

	private void refuseWhileBlocked(Redeemer redeemer) {
		long now = System.nanoTime();
		Long clear = clearUntil.get(redeemer.id());
		if (clear != null && now - clear < 0) {
			return;
		}
		long seen = blocks.get();
		long ttl = redis.getBucket(blockedKey(redeemer)).remainTimeToLive();
		if (ttl > 0) {
			throw new TooManyMisses(redeemer.id(), Math.max(1, ttl / 1000));
		}
		if (clearUntil.size() >= MAX_CLEAR) {
			clearUntil.clear();
		}
		clearUntil.compute(redeemer.id(), (id, kept) -> blocks.get() == seen ? now + CLEAR_FOR.toNanos() : kept);
	}

	private Redemption counted(Redeemer redeemer, Redemption redemption) {
		if (!redemption.outcome().miss()) {
			return redemption;
		}
		RRateLimiter misses = redis.getRateLimiter("kamibot:redeem:misses:" + redeemer.id());
		misses.trySetRate(RateType.OVERALL, settings.missesPerMinute(), Duration.ofMinutes(1), Duration.ofMinutes(2));
		if (misses.tryAcquire()) {
			return redemption;
		}
		redis.getBucket(blockedKey(redeemer)).set("1", BLOCK);
		blocks.incrementAndGet();
		clearUntil.remove(redeemer.id());
		long window = clock.instant().getEpochSecond() / ALERT_WINDOW_SECONDS;
		alerts.raise(AlertType.REDEMPTION_GUESSING, "redemption-guessing:" + redeemer.id() + ":" + window,
				List.of(redeemer.id(), redeemer.name(), Integer.toString(settings.missesPerMinute())), List.of());
		throw new TooManyMisses(redeemer.id(), BLOCK.toSeconds());
	}

	private static String blockedKey(Redeemer redeemer) {
		return "kamibot:redeem:blocked:" + redeemer.id();
	}
}
