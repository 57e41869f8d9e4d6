package io.kamibot.jobs;

import io.kamibot.reporting.DailyReports;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Sends yesterday's report with its chart to the admin destinations, once per day. */
@DisallowConcurrentExecution
class DailyReportJob extends QuartzJobBean {

	private final DailyReports reports;
	private final FireOnce fireOnce;

	DailyReportJob(DailyReports reports, FireOnce fireOnce) {
		this.reports = reports;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		fireOnce.run(context, reports::sendYesterday);
	}
}
