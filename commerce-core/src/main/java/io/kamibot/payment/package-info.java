/**
 * Taking money: the payment-provider SPI, the record of every payment (unique per provider transaction, so a
 * notification that arrives twice counts once), and the check of each payment against its order. Every confirmed
 * payment is accounted for: it pays its order, or it is returned (held for an admin when the provider will not
 * return it); refunds are per payment, so returning a second charge never refunds the order.
 */
package io.kamibot.payment;
