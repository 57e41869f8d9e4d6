package io.kamibot.jobs;

import io.kamibot.delivery.Deliveries;
import io.kamibot.resellers.BulkOrders;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Finishes deliveries of paid orders that a crash or a failure interrupted, and resellers' bulk orders whose placer
 * died: finished when the wallet paid, undone when it did not.
 */
@DisallowConcurrentExecution
class RecoverDeliveriesJob extends QuartzJobBean {

	private final Deliveries deliveries;
	private final FireOnce fireOnce;
	private final BulkOrders bulkOrders;

	RecoverDeliveriesJob(Deliveries deliveries, FireOnce fireOnce, BulkOrders bulkOrders) {
		this.deliveries = deliveries;
		this.bulkOrders = bulkOrders;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			bulkOrders.recover();
			deliveries.recover();
		}
	}
}
