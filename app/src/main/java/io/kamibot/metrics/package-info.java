/**
 * The shop's own metrics on the Prometheus endpoint: orders by the status they entered, the time from payment to
 * delivery, sellable stock per SKU, the alert queue and the inbox backlog. A tag may name a SKU, a status or a
 * channel, never an order, a customer, a payment or a code.
 */
package io.kamibot.metrics;
