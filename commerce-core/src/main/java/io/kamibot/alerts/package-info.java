/**
 * Alerts for admins: stored first (nothing is lost), then dispatched to every admin destination within its rate
 * limit, over-limit alerts merged into one digest, failed sends retried a bounded number of times.
 */
package io.kamibot.alerts;
