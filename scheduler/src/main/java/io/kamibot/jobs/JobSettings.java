package io.kamibot.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quartz cron expressions of the jobs (seconds first).
 *
 * @param expireUnpaid when to expire unpaid orders: every 15 seconds unless set
 * @param recoverDeliveries when to finish interrupted deliveries: every minute unless set
 * @param remindUndeliveredCodes when to send again codes whose message did not arrive: every minute unless set
 */
@ConfigurationProperties("kamibot.jobs")
record JobSettings(String expireUnpaid, String recoverDeliveries, String remindUndeliveredCodes) {

	JobSettings {
		expireUnpaid = expireUnpaid != null ? expireUnpaid : "0/15 * * * * ?";
		recoverDeliveries = recoverDeliveries != null ? recoverDeliveries : "30 * * * * ?";
		remindUndeliveredCodes = remindUndeliveredCodes != null ? remindUndeliveredCodes : "45 * * * * ?";
	}
}
