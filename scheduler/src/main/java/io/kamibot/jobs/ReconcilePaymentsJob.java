package io.kamibot.jobs;

import io.kamibot.payment.PaymentReconciliation;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Asks payment providers about started payments whose confirmation has not arrived after a while, so a lost
 * notification does not lose the order. An order the expiry job expired meanwhile is still paid when the provider
 * says so ({@code Orders.markPaid} moves EXPIRED to PAID and the delivery takes fresh codes).
 */
@DisallowConcurrentExecution
class ReconcilePaymentsJob extends QuartzJobBean {

	private static final int BATCH = 200;

	private final PaymentReconciliation reconciliation;
	private final JobSettings settings;
	private final FireOnce fireOnce;

	ReconcilePaymentsJob(PaymentReconciliation reconciliation, JobSettings settings, FireOnce fireOnce) {
		this.reconciliation = reconciliation;
		this.settings = settings;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			reconciliation.reconcile(settings.reconcilePaymentsAge(), BATCH);
		}
	}
}
