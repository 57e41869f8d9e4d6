package io.kamibot.jobs;

import io.kamibot.delivery.Deliveries;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Sends again the codes whose message did not reach the buyer's chat. */
@DisallowConcurrentExecution
class RemindUndeliveredCodesJob extends QuartzJobBean {

	private final Deliveries deliveries;
	private final FireOnce fireOnce;

	RemindUndeliveredCodesJob(Deliveries deliveries, FireOnce fireOnce) {
		this.deliveries = deliveries;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			deliveries.remindUnnotified();
		}
	}
}
