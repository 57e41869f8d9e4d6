package io.kamibot.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.kamibot.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances, as production runs them: each its own Quartz scheduler with the in-memory job store
 * ({@code spring.quartz.job-store-type: memory}) and its own Redis connection, both firing the same cron job every
 * second; {@link FireOnce}'s Redisson lock and claim let exactly one of them run each scheduled fire.
 */
@Timeout(60)
class TwoInstancesJobTest {

	/** One run of the job's work: which instance ran it, for which scheduled fire time. */
	record Run(String instance, long scheduledFireTime) {
	}

	private final String job = "two-instances-" + ThreadLocalRandom.current().nextLong(1L << 40);
	private final List<Run> runs = new CopyOnWriteArrayList<>();
	private final Map<Long, Set<String>> fired = new ConcurrentHashMap<>();
	private final List<RedissonClient> clients = new CopyOnWriteArrayList<>();
	private final List<Scheduler> schedulers = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() throws SchedulerException {
		for (Scheduler scheduler : schedulers) {
			scheduler.shutdown(true);
		}
		clients.forEach(RedissonClient::shutdown);
	}

	@Test
	void eachScheduledFireRunsOnOneInstanceOnly() throws SchedulerException {
		start("instance-a");
		start("instance-b");

		// Fires both instances had their chance at: each must have been run once.
		await().atMost(Duration.ofSeconds(30)).until(() -> firedByBoth().size() >= 3);
		for (Scheduler scheduler : schedulers) {
			scheduler.shutdown(true); // lets a run in progress finish, so every run is counted
		}

		Map<Long, Long> runsPerFire = runs.stream()
			.collect(Collectors.groupingBy(Run::scheduledFireTime, Collectors.counting()));
		assertThat(runsPerFire).as("no scheduled fire ran twice").allSatisfy((fire, count) -> assertThat(count)
			.isEqualTo(1));
		assertThat(runsPerFire.keySet()).as("every fire both instances had ran once").containsAll(firedByBoth());
	}

	private Set<Long> firedByBoth() {
		return fired.entrySet().stream().filter(e -> e.getValue().size() == 2).map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	private void start(String instance) throws SchedulerException {
		RedissonClient redis = TestRedis.client();
		clients.add(redis);
		FireOnce fireOnce = new FireOnce(redis);

		Properties quartz = new Properties();
		quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, job + "-" + instance);
		quartz.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
		quartz.setProperty("org.quartz.threadPool.threadCount", "2");
		quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		Scheduler scheduler = new StdSchedulerFactory(quartz).getScheduler();
		schedulers.add(scheduler);
		scheduler.setJobFactory((bundle, ignored) -> new RecordedJob(fireOnce, instance, runs));
		scheduler.getListenerManager().addJobListener(new FireListener(instance));

		JobDetail detail = JobBuilder.newJob(RecordedJob.class).withIdentity(job).storeDurably().build();
		scheduler.scheduleJob(detail, TriggerBuilder.newTrigger()
			.forJob(detail)
			.withIdentity(job)
			.withSchedule(CronScheduleBuilder.cronSchedule("* * * * * ?").withMisfireHandlingInstructionDoNothing())
			.build());
		scheduler.start();
	}

	/** Built as the production jobs are: a few lines that hand their work to {@link FireOnce}. */
	@DisallowConcurrentExecution
	static class RecordedJob implements Job {

		private final FireOnce fireOnce;
		private final String instance;
		private final List<Run> runs;

		RecordedJob(FireOnce fireOnce, String instance, List<Run> runs) {
			this.fireOnce = fireOnce;
			this.instance = instance;
			this.runs = runs;
		}

		@Override
		public void execute(JobExecutionContext context) {
			fireOnce.run(context, () -> runs.add(new Run(instance, context.getScheduledFireTime().getTime())));
		}
	}

	/** Notes each fire an instance's scheduler finished, whether or not that instance ran the work. */
	private final class FireListener implements JobListener {

		private final String instance;

		FireListener(String instance) {
			this.instance = instance;
		}

		@Override
		public String getName() {
			return "fires-" + instance;
		}

		@Override
		public void jobToBeExecuted(JobExecutionContext context) {
		}

		@Override
		public void jobExecutionVetoed(JobExecutionContext context) {
		}

		@Override
		public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
			fired.computeIfAbsent(context.getScheduledFireTime().getTime(), k -> ConcurrentHashMap.newKeySet())
				.add(instance);
		}
	}
}
