package io.kamibot.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the jobs run (Quartz cron expressions, seconds first) and how far back they look.
 *
 * @param expireUnpaid when to expire unpaid orders: every 15 seconds unless set
 * @param recoverDeliveries when to finish interrupted deliveries: every minute unless set
 * @param remindUndeliveredCodes when to send again codes whose message did not arrive: every minute unless set
 * @param reconcilePayments when to ask payment providers about payments not confirmed yet: every minute unless set
 * @param reconcilePaymentsAge how long after a payment was started it is asked about: 3 minutes unless set
 * @param expiringStock when to warn about codes that expire soon: 09:00 daily unless set
 * @param voidExpiredCodes when to void codes past their last day: 00:05 daily unless set
 * @param dailyReport when to send yesterday's report: 09:00 daily unless set
 * @param lowStockScan when to look at every product's stock, in case an alert was missed: every 10 minutes
 */
@ConfigurationProperties("kamibot.jobs")
record JobSettings(String expireUnpaid, String recoverDeliveries, String remindUndeliveredCodes,
		String reconcilePayments, Duration reconcilePaymentsAge, String expiringStock, String voidExpiredCodes,
		String dailyReport, String lowStockScan) {

	JobSettings {
		expireUnpaid = expireUnpaid != null ? expireUnpaid : "0/15 * * * * ?";
		recoverDeliveries = recoverDeliveries != null ? recoverDeliveries : "30 * * * * ?";
		remindUndeliveredCodes = remindUndeliveredCodes != null ? remindUndeliveredCodes : "45 * * * * ?";
		reconcilePayments = reconcilePayments != null ? reconcilePayments : "15 * * * * ?";
		reconcilePaymentsAge = reconcilePaymentsAge != null ? reconcilePaymentsAge : Duration.ofMinutes(3);
		expiringStock = expiringStock != null ? expiringStock : "0 0 9 * * ?";
		voidExpiredCodes = voidExpiredCodes != null ? voidExpiredCodes : "0 5 0 * * ?";
		dailyReport = dailyReport != null ? dailyReport : "0 0 9 * * ?";
		lowStockScan = lowStockScan != null ? lowStockScan : "0 */10 * * * ?";
	}
}
