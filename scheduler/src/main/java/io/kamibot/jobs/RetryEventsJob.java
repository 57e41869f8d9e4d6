package io.kamibot.jobs;

import io.kamibot.events.EventRetries;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Hands events whose listener failed, or died under them, to that listener again (from the event registry). */
@DisallowConcurrentExecution
class RetryEventsJob extends QuartzJobBean {

	private final EventRetries retries;
	private final FireOnce fireOnce;

	RetryEventsJob(EventRetries retries, FireOnce fireOnce) {
		this.retries = retries;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			retries.retryStale();
		}
	}
}
