package io.kamibot.jobs;

import io.kamibot.payment.PaymentReconciliation;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Settles refunds left REQUESTED because the process asking for them died: the provider is asked what became of
 * each. Each refund is taken over by a conditional update, so instances sharing the database never both act.
 */
@DisallowConcurrentExecution
class ResolveStuckRefundsJob extends QuartzJobBean {

	private static final int BATCH = 100;

	private final PaymentReconciliation reconciliation;
	private final JobSettings settings;
	private final FireOnce fireOnce;

	ResolveStuckRefundsJob(PaymentReconciliation reconciliation, JobSettings settings, FireOnce fireOnce) {
		this.reconciliation = reconciliation;
		this.settings = settings;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			reconciliation.resolveStuckRefunds(settings.stuckRefundAge(), BATCH);
		}
	}
}
