package io.kamibot.jobs;

import io.kamibot.ordering.Orders;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Expires unpaid orders whose reservation ended, putting their codes back on the shelf. */
@DisallowConcurrentExecution
class ExpireUnpaidOrdersJob extends QuartzJobBean {

	private final Orders orders;
	private final FireOnce fireOnce;

	ExpireUnpaidOrdersJob(Orders orders, FireOnce fireOnce) {
		this.orders = orders;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			orders.expireOverdue();
		}
	}
}
