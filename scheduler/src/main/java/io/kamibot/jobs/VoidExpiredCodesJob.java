package io.kamibot.jobs;

import io.kamibot.stock.Stock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Voids codes past their last day, so they are never sold and leave the counts. */
@DisallowConcurrentExecution
class VoidExpiredCodesJob extends QuartzJobBean {

	private final Stock stock;
	private final FireOnce fireOnce;

	VoidExpiredCodesJob(Stock stock, FireOnce fireOnce) {
		this.stock = stock;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		fireOnce.run(context, stock::voidExpired);
	}
}
