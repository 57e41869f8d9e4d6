package io.kamibot.admins;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.kamibot.audit.AuditLog;
import io.kamibot.customer.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Tells admins from everyone else. An admin is configured ({@code KAMIBOT_ADMIN_TELEGRAM_IDS}) or stored (added
 * through the admin API). Stored admins are read from the database on every check, by id, so an admin added or
 * removed on one instance counts on all of them at once.
 */
@Service
@EnableConfigurationProperties(AdminIdentities.class)
public class Admins {

	private static final Logger log = LoggerFactory.getLogger(Admins.class);
	/**
	 * The channels that can have admins, with the user ids they give out: Telegram user ids are positive integers
	 * of at most 52 bits (negative ids are groups); a WeChat OpenID is 28 characters of letters, digits, '-' and
	 * '_' (some accounts' are a little longer).
	 */
	private static final Map<String, Pattern> USER_IDS = Map.of("telegram", Pattern.compile("[1-9][0-9]{0,15}"),
			"wechat", Pattern.compile("[A-Za-z0-9_-]{16,64}"));

	private final AdminIdentities identities;
	private final MongoTemplate mongo;
	private final AuditLog audit;
	private final Clock clock;

	Admins(AdminIdentities identities, MongoTemplate mongo, AuditLog audit, Clock clock) {
		this.identities = identities;
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	public boolean isAdmin(ChannelIdentity identity) {
		return configured(identity)
				|| mongo.exists(Query.query(where("_id").is(identity.toString())), StoredAdmin.class);
	}

	/** Every admin: the configured ones first, then the stored ones in the order they were added. */
	public List<Admin> list() {
		List<Admin> all = new ArrayList<>();
		identities.telegramIds()
			.stream()
			.distinct()
			.forEach(id -> all.add(new Admin("telegram", String.valueOf(id), true, null, null)));
		mongo.find(new Query().with(Sort.by("addedAt")), StoredAdmin.class)
			.stream()
			.filter(stored -> !configured(new ChannelIdentity(stored.channel(), stored.userId())))
			.forEach(stored -> all.add(
					new Admin(stored.channel(), stored.userId(), false, stored.addedBy(), stored.addedAt())));
		return all;
	}

	/**
	 * Makes someone an admin; says whether that changed anything (not when they were one already).
	 *
	 * @param by who asked, for the audit log
	 * @throws InvalidAdminIdentity when the channel cannot have admins or the user id is not one of its ids
	 */
	public boolean add(ChannelIdentity identity, String by) {
		validate(identity);
		if (configured(identity)) {
			return false;
		}
		try {
			mongo.insert(new StoredAdmin(identity.toString(), identity.channel(), identity.userId(), by,
					clock.instant()));
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		audit.record(by, "admin.add", identity.toString(), null);
		log.info("{} is now an admin (added by {})", identity, by);
		return true;
	}

	/**
	 * Takes away someone's admin rights; says whether that changed anything.
	 *
	 * @param by who asked, for the audit log
	 * @throws ConfiguredAdmin when the admin comes from the configuration
	 * @throws InvalidAdminIdentity when the channel cannot have admins or the user id is not one of its ids
	 */
	public boolean remove(ChannelIdentity identity, String by) {
		validate(identity);
		if (configured(identity)) {
			throw new ConfiguredAdmin(identity.toString());
		}
		if (mongo.remove(Query.query(where("_id").is(identity.toString())), StoredAdmin.class).getDeletedCount() == 0) {
			return false;
		}
		audit.record(by, "admin.remove", identity.toString(), null);
		log.info("{} is no longer an admin (removed by {})", identity, by);
		return true;
	}

	private boolean configured(ChannelIdentity identity) {
		return "telegram".equals(identity.channel())
				&& identities.telegramIds().stream().anyMatch(id -> String.valueOf(id).equals(identity.userId()));
	}

	private static void validate(ChannelIdentity identity) {
		Pattern ids = USER_IDS.get(identity.channel());
		if (ids == null) {
			throw new InvalidAdminIdentity("Admins can be on " + String.join(" or ", USER_IDS.keySet().stream()
				.sorted().toList()) + ", not on " + identity.channel());
		}
		if (!ids.matcher(identity.userId()).matches()) {
			throw new InvalidAdminIdentity("Not a " + identity.channel() + " user id");
		}
	}
}
