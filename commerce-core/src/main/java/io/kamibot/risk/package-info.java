/**
 * Risk rules laid on orders (a ban list, orders per customer per window, unpaid orders per customer, quantity per
 * order, large first orders held for review) and the admins' review of held orders.
 */
package io.kamibot.risk;
