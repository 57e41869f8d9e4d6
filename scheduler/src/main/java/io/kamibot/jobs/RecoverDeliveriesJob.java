package io.kamibot.jobs;

import io.kamibot.delivery.Deliveries;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Finishes deliveries of paid orders that a crash or a failure interrupted. */
@DisallowConcurrentExecution
class RecoverDeliveriesJob extends QuartzJobBean {

	private final Deliveries deliveries;
	private final FireOnce fireOnce;

	RecoverDeliveriesJob(Deliveries deliveries, FireOnce fireOnce) {
		this.deliveries = deliveries;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			deliveries.recover();
		}
	}
}
