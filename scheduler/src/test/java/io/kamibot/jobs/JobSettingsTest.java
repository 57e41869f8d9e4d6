package io.kamibot.jobs;

import java.util.Map;

import io.kamibot.testing.CoreTest;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs' cron settings reach Quartz: as {@code kamibot.jobs.*} properties in the running scheduler, and as
 * {@code KAMIBOT_JOBS_*} environment variables; a cron Quartz cannot read stops startup naming the setting.
 */
@CoreTest
@DirtiesContext // its own configuration: no other class shares this application
@TestPropertySource(properties = { "kamibot.jobs.expiring-stock=0 30 8 * * ?",
		"kamibot.jobs.void-expired-codes=0 1 0 * * ?", "kamibot.jobs.daily-report=0 15 7 ? * MON-FRI",
		"kamibot.jobs.low-stock-scan=0 */3 * * * ?" })
class JobSettingsTest {

	@Autowired
	Scheduler scheduler;

	@Test
	void propertiesSetTheCronOfTheRunningTriggers() throws SchedulerException {
		assertThat(cron("expiring-stock")).isEqualTo("0 30 8 * * ?");
		assertThat(cron("void-expired-codes")).isEqualTo("0 1 0 * * ?");
		assertThat(cron("daily-report")).isEqualTo("0 15 7 ? * MON-FRI");
		assertThat(cron("low-stock-scan")).isEqualTo("0 */3 * * * ?");
		assertThat(cron("expire-unpaid-orders")).as("a default").isEqualTo("0/15 * * * * ?");
		assertThat(cron("resolve-stuck-refunds")).as("a default").isEqualTo("50 * * * * ?");
	}

	@Test
	void environmentVariablesSetTheCron() {
		schedule(Map.of("KAMIBOT_JOBS_EXPIRING_STOCK", "0 0 6 * * ?", "KAMIBOT_JOBS_VOID_EXPIRED_CODES",
				"0 10 0 * * ?", "KAMIBOT_JOBS_DAILY_REPORT", "0 0 8 * * ?", "KAMIBOT_JOBS_LOW_STOCK_SCAN",
				"0 */5 * * * ?"))
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("expiringStockTrigger", CronTrigger.class).getCronExpression())
					.isEqualTo("0 0 6 * * ?");
				assertThat(context.getBean("voidExpiredCodesTrigger", CronTrigger.class).getCronExpression())
					.isEqualTo("0 10 0 * * ?");
				assertThat(context.getBean("dailyReportTrigger", CronTrigger.class).getCronExpression())
					.isEqualTo("0 0 8 * * ?");
				assertThat(context.getBean("lowStockScanTrigger", CronTrigger.class).getCronExpression())
					.isEqualTo("0 */5 * * * ?");
			});
	}

	@Test
	void anInvalidCronStopsStartupNamingTheSetting() {
		schedule(Map.of("KAMIBOT_JOBS_LOW_STOCK_SCAN", "every ten minutes")).run(context -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("kamibot.jobs.low-stock-scan")
				.contains("KAMIBOT_JOBS_LOW_STOCK_SCAN")
				.contains("'every ten minutes'");
		});
		schedule(Map.of("KAMIBOT_JOBS_DAILY_REPORT", "0 0 25 * * ?")).run(context -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("kamibot.jobs.daily-report");
		});
	}

	private String cron(String job) throws SchedulerException {
		return ((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(job))).getCronExpression();
	}

	/** Only the job schedule, with the variables as the process environment. */
	private static ApplicationContextRunner schedule(Map<String, Object> environment) {
		return new ApplicationContextRunner().withUserConfiguration(JobSchedule.class)
			.withInitializer(context -> context.getEnvironment().getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test", environment)));
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		return all.toString();
	}
}
