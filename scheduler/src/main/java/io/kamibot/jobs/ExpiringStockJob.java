package io.kamibot.jobs;

import io.kamibot.stockwatch.StockWatch;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Warns about codes that expire within the configured days, once per product and day. */
@DisallowConcurrentExecution
class ExpiringStockJob extends QuartzJobBean {

	private final StockWatch stockWatch;
	private final FireOnce fireOnce;

	ExpiringStockJob(StockWatch stockWatch, FireOnce fireOnce) {
		this.stockWatch = stockWatch;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		fireOnce.run(context, stockWatch::warnExpiring);
	}
}
