package io.kamibot.jobs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.KeyMatcher;

import static org.awaitility.Awaitility.await;

/**
 * Counts the finished runs of one job on a Quartz scheduler, so a test that expects a job to have done nothing
 * waits for runs that had their chance instead of for a time.
 */
final class JobFires implements JobListener {

	private final String job;
	private final AtomicInteger finished = new AtomicInteger();

	private JobFires(String job) {
		this.job = job;
	}

	static JobFires of(Scheduler scheduler, String job) {
		JobFires fires = new JobFires(job);
		try {
			scheduler.getListenerManager().addJobListener(fires, KeyMatcher.keyEquals(JobKey.jobKey(job)));
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
		return fires;
	}

	/** Waits until the job has finished {@code runs} more runs, all of them started after this call. */
	void awaitMoreRuns(int runs, Duration atMost) {
		// A run in progress now may have started before: one more makes sure every counted run started later.
		int target = finished.get() + runs + 1;
		await().atMost(atMost).until(() -> finished.get() >= target);
	}

	@Override
	public String getName() {
		return "fires-of-" + job;
	}

	@Override
	public void jobToBeExecuted(JobExecutionContext context) {
	}

	@Override
	public void jobExecutionVetoed(JobExecutionContext context) {
	}

	@Override
	public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
		finished.incrementAndGet();
	}
}
