package io.kamibot.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.kamibot.benefits.BenefitIssuing;
import io.kamibot.benefits.CatchUp;
import io.kamibot.benefits.Plan;
import io.kamibot.benefits.PlanDraft;
import io.kamibot.benefits.PlanRecipients;
import io.kamibot.benefits.Plans;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.TestClock;
import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The dispatcher fired for the same period by two Quartz schedulers at once, every second, as two instances whose
 * fire claims do not protect each other (the second scheduler's job has its own name): each recipient gets one
 * issue, because the issue key, not the scheduler, makes it once.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = "kamibot.jobs.issue-benefits=* * * * * ?")
class BenefitSchedulersTest {

	@Autowired
	Plans plans;

	@Autowired
	PlanRecipients recipients;

	@Autowired
	BenefitIssuing issuing;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestClock clock;

	@Autowired
	Scheduler scheduler;

	@Test
	void twoSchedulersFiringTheSamePeriodIssueEachRecipientOnce() throws SchedulerException {
		Sku sku = new Sku("SCHED-PERK");
		catalog.save(sku, new ProductDraft("Perk", null, null, 100L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 60)), "test");
		plans.save("two-schedulers", new PlanDraft("Perks", List.of(new Plan.Item(sku.value(), 1)), "0 0 9 1 * ?",
				clock.instant(), null, null, CatchUp.ISSUE, null));
		recipients.add("two-schedulers", IntStream.range(0, 50).mapToObj(i -> "telegram:" + (1000 + i))
			.collect(Collectors.joining("\n")));
		RedissonClient redis = TestRedis.client();
		Scheduler second = secondScheduler(new FireOnce(redis));
		try {
			JobFires first = JobFires.of(scheduler, "issue-benefits");
			JobFires other = JobFires.of(second, "issue-benefits-b");
			clock.advance(Duration.ofDays(31)); // 2026-04-02: April's period is due

			// Runs that started after the period was due, on both schedulers, then more: each had its chance.
			first.awaitMoreRuns(3, Duration.ofSeconds(60));
			other.awaitMoreRuns(3, Duration.ofSeconds(60));
		}
		finally {
			second.shutdown(true);
			redis.shutdown();
		}
		List<Order> orders = mongo.find(Query.query(where("payment").regex("^benefit:two-schedulers:")), Order.class);
		assertThat(orders).hasSize(50).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED));
		assertThat(orders.stream().map(Order::customerId).distinct()).hasSize(50);
		assertThat(stock.levels(sku).sold()).isEqualTo(50);
		assertThat(plans.get("two-schedulers").handled()).isEqualTo(1);
	}

	private Scheduler secondScheduler(FireOnce fireOnce) throws SchedulerException {
		Properties quartz = new Properties();
		quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "benefits-second-instance");
		quartz.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
		quartz.setProperty("org.quartz.threadPool.threadCount", "2");
		quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		Scheduler second = new StdSchedulerFactory(quartz).getScheduler();
		second.setJobFactory((bundle, ignored) -> new IssueBenefitsJob(issuing, fireOnce));
		JobDetail detail = JobBuilder.newJob(IssueBenefitsJob.class).withIdentity("issue-benefits-b").storeDurably()
			.build();
		second.scheduleJob(detail, TriggerBuilder.newTrigger().forJob(detail).withIdentity("issue-benefits-b")
			.withSchedule(CronScheduleBuilder.cronSchedule("* * * * * ?").withMisfireHandlingInstructionDoNothing())
			.build());
		second.start();
		return second;
	}
}
