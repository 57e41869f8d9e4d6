/**
 * Handing codes to buyers: once an order is paid its codes become SOLD and the order DELIVERED, exactly once
 * (one delivery record per order); when stock is short the order waits for the next import. Every time codes are
 * shown it is recorded.
 */
package io.kamibot.delivery;
