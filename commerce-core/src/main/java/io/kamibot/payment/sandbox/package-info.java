/**
 * A payment provider that takes no money: pressing its button pays the order at once. For the embedded demo
 * shop and tests only; production configuration does not enable it.
 */
package io.kamibot.payment.sandbox;
