package io.kamibot.jobs;

import io.kamibot.benefits.BenefitIssuing;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The benefit plans' dispatcher: issues every plan's periods whose time has come. One job for all plans, since plans
 * are data read at each fire, so a new, changed or paused plan needs no trigger of its own to be rebuilt.
 */
@DisallowConcurrentExecution
class IssueBenefitsJob extends QuartzJobBean {

	private final BenefitIssuing issuing;
	private final FireOnce fireOnce;

	IssueBenefitsJob(BenefitIssuing issuing, FireOnce fireOnce) {
		this.issuing = issuing;
		this.fireOnce = fireOnce;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		fireOnce.run(context, issuing::issueDue);
	}
}
