/**
 * The admin HTTP API under {@code /api/admin}: products and stock. Every request needs the bearer token; errors
 * are RFC 9457 problem responses.
 */
package io.kamibot.admin;
