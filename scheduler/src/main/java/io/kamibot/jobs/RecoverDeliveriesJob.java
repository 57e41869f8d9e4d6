package io.kamibot.jobs;

import io.kamibot.delivery.Deliveries;
import io.kamibot.resellers.BulkOrders;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Finishes deliveries of paid orders whose payment event a crash kept out of the event registry: the order's move to
 * PAID and the event's publication are two writes (no multi-document transactions), and a crash can come between
 * them. A delivery whose listener failed or died is the registry's to retry ({@link RetryEventsJob}). Also finishes
 * resellers' bulk orders whose placer died: finished when the wallet paid, undone when it did not.
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
