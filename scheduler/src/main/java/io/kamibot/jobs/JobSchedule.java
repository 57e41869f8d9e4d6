package io.kamibot.jobs;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The jobs and their cron triggers; Spring Boot's Quartz starter picks them up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobSettings.class)
class JobSchedule {

	@Bean
	JobDetail expireUnpaidOrders() {
		return JobBuilder.newJob(ExpireUnpaidOrdersJob.class).withIdentity("expire-unpaid-orders").storeDurably().build();
	}

	@Bean
	Trigger expireUnpaidOrdersTrigger(JobDetail expireUnpaidOrders, JobSettings settings) {
		return cron(expireUnpaidOrders, settings.expireUnpaid());
	}

	@Bean
	JobDetail recoverDeliveries() {
		return JobBuilder.newJob(RecoverDeliveriesJob.class).withIdentity("recover-deliveries").storeDurably().build();
	}

	@Bean
	Trigger recoverDeliveriesTrigger(JobDetail recoverDeliveries, JobSettings settings) {
		return cron(recoverDeliveries, settings.recoverDeliveries());
	}

	@Bean
	JobDetail retryEvents() {
		return JobBuilder.newJob(RetryEventsJob.class).withIdentity("retry-events").storeDurably().build();
	}

	@Bean
	Trigger retryEventsTrigger(JobDetail retryEvents, JobSettings settings) {
		return cron(retryEvents, settings.retryEvents());
	}

	@Bean
	JobDetail remindUndeliveredCodes() {
		return JobBuilder.newJob(RemindUndeliveredCodesJob.class).withIdentity("remind-undelivered-codes")
			.storeDurably()
			.build();
	}

	@Bean
	Trigger remindUndeliveredCodesTrigger(JobDetail remindUndeliveredCodes, JobSettings settings) {
		return cron(remindUndeliveredCodes, settings.remindUndeliveredCodes());
	}

	@Bean
	JobDetail reconcilePayments() {
		return JobBuilder.newJob(ReconcilePaymentsJob.class).withIdentity("reconcile-payments").storeDurably().build();
	}

	@Bean
	Trigger reconcilePaymentsTrigger(JobDetail reconcilePayments, JobSettings settings) {
		return cron(reconcilePayments, settings.reconcilePayments());
	}

	@Bean
	JobDetail resolveStuckRefunds() {
		return JobBuilder.newJob(ResolveStuckRefundsJob.class).withIdentity("resolve-stuck-refunds").storeDurably()
			.build();
	}

	@Bean
	Trigger resolveStuckRefundsTrigger(JobDetail resolveStuckRefunds, JobSettings settings) {
		return cron(resolveStuckRefunds, settings.resolveStuckRefunds());
	}

	@Bean
	JobDetail expiringStock() {
		return JobBuilder.newJob(ExpiringStockJob.class).withIdentity("expiring-stock").storeDurably().build();
	}

	@Bean
	Trigger expiringStockTrigger(JobDetail expiringStock, JobSettings settings) {
		return cron(expiringStock, settings.expiringStock());
	}

	@Bean
	JobDetail voidExpiredCodes() {
		return JobBuilder.newJob(VoidExpiredCodesJob.class).withIdentity("void-expired-codes").storeDurably().build();
	}

	@Bean
	Trigger voidExpiredCodesTrigger(JobDetail voidExpiredCodes, JobSettings settings) {
		return cron(voidExpiredCodes, settings.voidExpiredCodes());
	}

	@Bean
	JobDetail dailyReport() {
		return JobBuilder.newJob(DailyReportJob.class).withIdentity("daily-report").storeDurably().build();
	}

	@Bean
	Trigger dailyReportTrigger(JobDetail dailyReport, JobSettings settings) {
		return cron(dailyReport, settings.dailyReport());
	}

	@Bean
	JobDetail lowStockScan() {
		return JobBuilder.newJob(LowStockScanJob.class).withIdentity("low-stock-scan").storeDurably().build();
	}

	@Bean
	Trigger lowStockScanTrigger(JobDetail lowStockScan, JobSettings settings) {
		return cron(lowStockScan, settings.lowStockScan());
	}

	@Bean
	JobDetail issueBenefits() {
		return JobBuilder.newJob(IssueBenefitsJob.class).withIdentity("issue-benefits").storeDurably().build();
	}

	@Bean
	Trigger issueBenefitsTrigger(JobDetail issueBenefits, JobSettings settings) {
		return cron(issueBenefits, settings.issueBenefits());
	}

	private static Trigger cron(JobDetail job, String expression) {
		return TriggerBuilder.newTrigger()
			.forJob(job)
			.withIdentity(job.getKey().getName())
			// A fire missed while the process was down is not made up: the next one does the same work.
			.withSchedule(CronScheduleBuilder.cronSchedule(expression).withMisfireHandlingInstructionDoNothing())
			.build();
	}
}
