package io.kamibot.jobs;

import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;

import org.quartz.CronExpression;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the jobs run (Quartz cron expressions, seconds first) and how far back they look.
 *
 * @param expireUnpaid when to expire unpaid orders: every 15 seconds unless set
 * @param recoverDeliveries when to finish deliveries a crash interrupted before their event was recorded: every
 *     minute unless set
 * @param retryEvents when to hand events whose listener failed to it again: every minute unless set (how old they
 *     must be first is {@code kamibot.events.retry-after})
 * @param remindUndeliveredCodes when to send again codes whose message did not arrive: every minute unless set
 * @param reconcilePayments when to ask payment providers about payments not confirmed yet: every minute unless set
 * @param reconcilePaymentsAge how long after a payment was started it is asked about: 3 minutes unless set
 * @param resolveStuckRefunds when to ask providers about refunds whose answer was lost: every minute unless set
 * @param stuckRefundAge how long a refund stays REQUESTED before it counts as stuck: 5 minutes unless set (far
 *     longer than any provider takes to answer)
 * @param expiringStock when to warn about codes that expire soon: 09:00 daily unless set
 * @param voidExpiredCodes when to void codes past their last day: 00:05 daily unless set
 * @param dailyReport when to send yesterday's report: 09:00 daily unless set
 * @param lowStockScan when to look at every product's stock, in case an alert was missed: every 10 minutes
 * @param issueBenefits when to issue benefit plans' periods whose time has come: every minute (at second 5) unless
 *     set; a plan's own cron says when its periods are, this says how soon after that they go out
 */
@ConfigurationProperties("kamibot.jobs")
record JobSettings(String expireUnpaid, String recoverDeliveries, String retryEvents, String remindUndeliveredCodes,
		String reconcilePayments, Duration reconcilePaymentsAge, String resolveStuckRefunds, Duration stuckRefundAge,
		String expiringStock, String voidExpiredCodes, String dailyReport, String lowStockScan, String issueBenefits) {

	JobSettings {
		expireUnpaid = expireUnpaid != null ? expireUnpaid : "0/15 * * * * ?";
		recoverDeliveries = recoverDeliveries != null ? recoverDeliveries : "30 * * * * ?";
		retryEvents = retryEvents != null ? retryEvents : "20 * * * * ?";
		remindUndeliveredCodes = remindUndeliveredCodes != null ? remindUndeliveredCodes : "45 * * * * ?";
		reconcilePayments = reconcilePayments != null ? reconcilePayments : "15 * * * * ?";
		reconcilePaymentsAge = reconcilePaymentsAge != null ? reconcilePaymentsAge : Duration.ofMinutes(3);
		resolveStuckRefunds = resolveStuckRefunds != null ? resolveStuckRefunds : "50 * * * * ?";
		stuckRefundAge = stuckRefundAge != null ? stuckRefundAge : Duration.ofMinutes(5);
		expiringStock = expiringStock != null ? expiringStock : "0 0 9 * * ?";
		voidExpiredCodes = voidExpiredCodes != null ? voidExpiredCodes : "0 5 0 * * ?";
		dailyReport = dailyReport != null ? dailyReport : "0 0 9 * * ?";
		lowStockScan = lowStockScan != null ? lowStockScan : "0 */10 * * * ?";
		issueBenefits = issueBenefits != null ? issueBenefits : "5 * * * * ?";
		checkCron("expire-unpaid", expireUnpaid);
		checkCron("recover-deliveries", recoverDeliveries);
		checkCron("retry-events", retryEvents);
		checkCron("remind-undelivered-codes", remindUndeliveredCodes);
		checkCron("reconcile-payments", reconcilePayments);
		checkCron("resolve-stuck-refunds", resolveStuckRefunds);
		checkCron("expiring-stock", expiringStock);
		checkCron("void-expired-codes", voidExpiredCodes);
		checkCron("daily-report", dailyReport);
		checkCron("low-stock-scan", lowStockScan);
		checkCron("issue-benefits", issueBenefits);
	}

	/** Fails startup naming the setting, rather than with Quartz's message that names only the expression. */
	private static void checkCron(String name, String expression) {
		try {
			CronExpression.validateExpression(expression);
		}
		catch (ParseException e) {
			throw new IllegalArgumentException("kamibot.jobs." + name + " (KAMIBOT_JOBS_"
					+ name.replace('-', '_').toUpperCase(Locale.ROOT) + ") is not a Quartz cron expression: '"
					+ expression + "' (" + e.getMessage() + "). Quartz crons have 6 or 7 fields, seconds first, "
					+ "e.g. '0 0 9 * * ?' for 09:00 daily");
		}
	}
}
