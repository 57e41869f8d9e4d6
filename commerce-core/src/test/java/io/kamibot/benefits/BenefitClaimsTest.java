package io.kamibot.benefits;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Sku;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.customer.Customers;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims that race: the same claim code sent at the same moment from web chat, Telegram and WeChat by different
 * people, and one person sending two codes of the same plan at once. The store decides, not a read before it.
 */
@CoreTest
class BenefitClaimsTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	PlanRecipients recipients;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	Customers customers;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext shop;

	PlanFixture fixture;
	ExecutorService claimants;

	@BeforeEach
	void start() {
		clock.reset();
		fixture = new PlanFixture(shop);
		claimants = Executors.newFixedThreadPool(6);
	}

	@AfterEach
	void stop() throws InterruptedException {
		claimants.shutdownNow();
		assertThat(claimants.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void sixPeopleClaimingOneCodeAtOnceFromThreeChannelsLeaveOneRecipient() {
		Sku sku = fixture.stocked(10);
		String plan = fixture.plan(sku, PlanFixture.MONTHLY, CatchUp.ISSUE);
		String code = recipients.add(plan, "claim:race").get(0).claimCode();
		clock.advance(Duration.ofDays(31)); // 2026-04-02: April's period waits for whoever claims
		issuing.issue(plan, "2026-04");
		List<ChannelIdentity> people = List.of("webchat", "telegram", "wechat", "webchat", "telegram", "wechat")
			.stream().map(channel -> new ChannelIdentity(channel, channel.equals("telegram")
					? String.valueOf(900_000_000L + next.incrementAndGet()) : "race-" + next.incrementAndGet()))
			.toList();

		List<String> winners = atOnce(people.stream().map(person -> claim(code, person)).toList());

		assertThat(winners).as("exactly one claim won").hasSize(1);
		assertThat(fixture.orders(plan)).as("April's codes went to the winner alone").singleElement().satisfies(o -> {
			assertThat(o.customerId()).isEqualTo(winners.get(0));
			assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED);
		});
		assertThat(recipients.list(plan, 10)).singleElement()
			.satisfies(r -> assertThat(r.customerId()).isEqualTo(winners.get(0)));
	}

	@Test
	void onePersonSendingTwoCodesOfAPlanAtOnceGetsOnePlace() {
		for (int round = 0; round < 5; round++) {
			String plan = fixture.plan(fixture.stocked(2), PlanFixture.MONTHLY, CatchUp.ISSUE);
			List<String> codes = recipients.add(plan, "claim:first\nclaim:second").stream()
				.map(PlanRecipients.Added::claimCode).toList();
			ChannelIdentity person = new ChannelIdentity("wechat", "twice-" + next.incrementAndGet());

			List<String> winners = atOnce(codes.stream().map(code -> claim(code, person)).toList());

			assertThat(winners).as("round %d: one of the two claims won", round).hasSize(1);
			assertThat(recipients.list(plan, 10).stream().filter(Recipient::claimed))
				.as("round %d: one place on the plan", round).hasSize(1);
		}
	}

	/** A claim that says who won: the customer's id, or {@code null} when the code was refused. */
	private Claim claim(String code, ChannelIdentity person) {
		String customer = customers.identify(person).id(); // Someone who talks to the shop already.
		return () -> {
			try {
				recipients.claim(code, customer, person.toString());
				return customer;
			}
			catch (InvalidClaimCode e) {
				return null;
			}
		};
	}

	/** Runs the claims on their own threads, released together; the winners' customer ids. */
	private List<String> atOnce(List<Claim> claims) {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<String>> running = claims.stream().map(claim -> CompletableFuture.supplyAsync(() -> {
			try {
				go.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			return claim.run();
		}, claimants)).toList();
		go.countDown();
		return running.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
	}

	private interface Claim {
		String run();
	}
}
