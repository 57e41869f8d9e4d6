/**
 * The admin HTTP API under {@code /api/admin}: products, stock, orders, reviews, bans, admins, alerts and the
 * audit log. Every request needs the bearer token, checked by Spring Security ({@code AdminSecurity}); errors are
 * RFC 9457 problem responses.
 */
package io.kamibot.admin;
