/**
 * The durable inbox of channel traffic: an update is stored (unique per platform update id) before the platform
 * is told it arrived, then processed; a crash loses nothing and a redelivery does nothing twice.
 */
package io.kamibot.inbox;
