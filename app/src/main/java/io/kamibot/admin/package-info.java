/**
 * The admin HTTP API under {@code /api/admin}: products, stock, orders (search, detail, CSV export), reviews, bans,
 * admins, alerts, the audit log, the dashboard's figures and the shop's settings. Every request needs the bearer token, checked by Spring Security ({@code AdminSecurity}); errors are
 * RFC 9457 problem responses.
 */
package io.kamibot.admin;
