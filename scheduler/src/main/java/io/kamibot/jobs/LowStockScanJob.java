package io.kamibot.jobs;

import io.kamibot.stockwatch.StockWatch;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Looks at every product's stock, in case a sale's low-stock check was missed (a crash between the two). */
@DisallowConcurrentExecution
class LowStockScanJob extends QuartzJobBean {

	private final StockWatch stockWatch;
	private final FireOnce fireOnce;

	LowStockScanJob(StockWatch stockWatch, FireOnce fireOnce) {
		this.stockWatch = stockWatch;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		fireOnce.run(context, stockWatch::scan);
	}
}
