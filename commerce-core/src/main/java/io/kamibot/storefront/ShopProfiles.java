package io.kamibot.storefront;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads and changes the shop's profile. Read from the database on every use (one lookup by id), so a change made
 * on one instance shows on every instance at once.
 */
@Service
public class ShopProfiles {

	private final MongoTemplate mongo;
	private final Clock clock;

	ShopProfiles(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The profile, or the defaults when no one changed it yet. */
	public ShopProfile current() {
		ShopProfile stored = mongo.findById(ShopProfile.ID, ShopProfile.class);
		return stored != null ? stored : ShopProfile.initial();
	}

	/**
	 * Changes the fields given; {@code null} keeps a field, an empty notice or support contact removes it. Last
	 * write wins: the profile is edited by admins, not raced by buyers.
	 */
	public ShopProfile save(String name, String notice, String support) {
		ShopProfile now = current();
		return mongo.save(new ShopProfile(ShopProfile.ID, name != null ? name.strip() : now.name(),
				change(notice, now.notice()), change(support, now.support()), clock.instant()));
	}

	private static String change(String given, String current) {
		if (given == null) {
			return current;
		}
		return given.isBlank() ? null : given.strip();
	}
}
