/**
 * The shop's face: its name, the notice shown with the welcome and the support contact, kept in the database so
 * an owner changes them from the console and every channel uses them at once.
 */
package io.kamibot.storefront;
