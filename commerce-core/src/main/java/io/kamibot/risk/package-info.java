/**
 * Risk rules laid on orders (a ban list, orders per customer and per client address per window, unpaid orders per
 * customer, quantity per order, large first orders held for review), the admins' review of held orders, and one
 * alert per product and window when unpaid orders hold as much of it as the reservation cap allows (hoarding).
 */
package io.kamibot.risk;
