/** The audit log: every admin action and every time codes were shown, readable through the admin API. */
package io.kamibot.audit;
