package io.kamibot.jobs;

import io.kamibot.payment.Payments;
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

	private final Payments payments;
	private final JobSettings settings;
	private final FireOnce fireOnce;

	ReconcilePaymentsJob(Payments payments, JobSettings settings, FireOnce fireOnce) {
		this.payments = payments;
		this.settings = settings;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (fireOnce.claim(context)) {
			payments.reconcile(settings.reconcilePaymentsAge(), BATCH);
		}
	}
}
