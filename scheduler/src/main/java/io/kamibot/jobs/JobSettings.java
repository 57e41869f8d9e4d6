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
 */
@ConfigurationProperties("kamibot.jobs")
record JobSettings(String expireUnpaid, String recoverDeliveries, String remindUndeliveredCodes,
		String reconcilePayments, Duration reconcilePaymentsAge) {

	JobSettings {
		expireUnpaid = expireUnpaid != null ? expireUnpaid : "0/15 * * * * ?";
		recoverDeliveries = recoverDeliveries != null ? recoverDeliveries : "30 * * * * ?";
		remindUndeliveredCodes = remindUndeliveredCodes != null ? remindUndeliveredCodes : "45 * * * * ?";
		reconcilePayments = reconcilePayments != null ? reconcilePayments : "15 * * * * ?";
		reconcilePaymentsAge = reconcilePaymentsAge != null ? reconcilePaymentsAge : Duration.ofMinutes(3);
	}
}
