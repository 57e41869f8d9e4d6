package io.kamibot.admins;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.kamibot.audit.AuditLog;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admins from the configuration and from the database, and the audit trail of every change. */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = "kamibot.admin.telegram-ids=" + AdminsTest.CONFIGURED)
class AdminsTest {

	static final long CONFIGURED = 70001;
	private static final AtomicLong next = new AtomicLong(71000);

	@Autowired
	Admins admins;

	@Autowired
	AuditLog audit;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Test
	void anAddedAdminIsAnAdminUntilRemovedAndEachChangeIsAudited() {
		ChannelIdentity someone = telegram(next.incrementAndGet());
		assertThat(admins.isAdmin(someone)).isFalse();

		assertThat(admins.add(someone, "admin-api")).isTrue();
		assertThat(admins.add(someone, "admin-api")).isFalse();
		assertThat(admins.isAdmin(someone)).isTrue();
		assertThat(admins.list()).anySatisfy(admin -> {
			assertThat(admin.userId()).isEqualTo(someone.userId());
			assertThat(admin.configured()).isFalse();
			assertThat(admin.addedBy()).isEqualTo("admin-api");
			assertThat(admin.addedAt()).isNotNull();
		});

		clock.advance(Duration.ofSeconds(1));
		assertThat(admins.remove(someone, "telegram:" + CONFIGURED)).isTrue();
		assertThat(admins.remove(someone, "telegram:" + CONFIGURED)).isFalse();
		assertThat(admins.isAdmin(someone)).isFalse();
		assertThat(admins.list()).noneMatch(admin -> admin.userId().equals(someone.userId()));

		assertThat(audit.read(null, someone.toString(), null, 10)).extracting(e -> e.action() + " by " + e.actor())
			.containsExactly("admin.remove by telegram:" + CONFIGURED, "admin.add by admin-api");
	}

	@Test
	void aConfiguredAdminIsListedAsSuchAndCannotBeRemoved() {
		ChannelIdentity configured = telegram(CONFIGURED);
		assertThat(admins.isAdmin(configured)).isTrue();
		assertThat(admins.add(configured, "admin-api")).isFalse();
		assertThat(admins.list()).filteredOn(admin -> admin.userId().equals(String.valueOf(CONFIGURED)))
			.singleElement()
			.satisfies(admin -> assertThat(admin.configured()).isTrue());

		assertThatThrownBy(() -> admins.remove(configured, "admin-api")).isInstanceOf(ConfiguredAdmin.class);
		assertThat(admins.isAdmin(configured)).isTrue();
		assertThat(audit.read(null, configured.toString(), null, 10)).isEmpty();
	}

	@Test
	void aWeChatAdminCountsOnlyOnWeChat() {
		String openId = "oWeChatAdmin" + next.incrementAndGet() + "abcdefghij";
		assertThat(admins.add(new ChannelIdentity("wechat", openId), "admin-api")).isTrue();
		assertThat(admins.isAdmin(new ChannelIdentity("wechat", openId))).isTrue();
		assertThat(admins.isAdmin(new ChannelIdentity("webchat", openId))).isFalse();
	}

	@Test
	void refusesChannelsWithoutAdminsAndIdsTheChannelNeverGivesOut() {
		for (ChannelIdentity bad : new ChannelIdentity[] { new ChannelIdentity("webchat", "abcdefghijklmnopqrstuv"),
				telegram(-1001234), new ChannelIdentity("telegram", "12ab"), new ChannelIdentity("telegram", "0"),
				new ChannelIdentity("telegram", "12345678901234567"), new ChannelIdentity("wechat", "short"),
				new ChannelIdentity("wechat", "o-has spaces-and-more-than-16") }) {
			assertThatThrownBy(() -> admins.add(bad, "admin-api")).as(bad.toString())
				.isInstanceOf(InvalidAdminIdentity.class);
			assertThatThrownBy(() -> admins.remove(bad, "admin-api")).as(bad.toString())
				.isInstanceOf(InvalidAdminIdentity.class);
		}
		assertThat(mongo.count(new Query(), StoredAdmin.class))
			.isEqualTo(admins.list().stream().filter(admin -> !admin.configured()).count());
		assertThat(audit.read("admin.add", null, null, 100)).noneMatch(e -> e.target().startsWith("webchat:"));
	}

	@Test
	void anAdminStoredByAnotherInstanceCountsAtOnce() {
		// Nothing is cached: a document written by another instance is seen by the next check.
		String userId = String.valueOf(next.incrementAndGet());
		assertThat(admins.isAdmin(telegram(Long.parseLong(userId)))).isFalse();
		mongo.insert(new StoredAdmin("telegram:" + userId, "telegram", userId, "admin-api", clock.instant()));
		assertThat(admins.isAdmin(telegram(Long.parseLong(userId)))).isTrue();
	}

	private static ChannelIdentity telegram(long id) {
		return new ChannelIdentity("telegram", String.valueOf(id));
	}
}
