/**
 * Taking money: the payment-provider SPI, the record of every payment (unique per provider transaction, so a
 * notification that arrives twice counts once), and the check of each payment against its order.
 */
package io.kamibot.payment;
