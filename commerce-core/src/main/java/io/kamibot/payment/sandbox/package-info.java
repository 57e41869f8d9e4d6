/**
 * A payment provider that takes no money: pressing its button pays the order at once. For trying the shop out and
 * for tests only: it is on when the owner turns it on, or on the embedded default while no real payment provider
 * and no real chat channel is configured.
 */
package io.kamibot.payment.sandbox;
