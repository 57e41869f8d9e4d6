/**
 * Buyers' email addresses: an address is used only once its owner confirmed it with the link mailed to it, so codes
 * never go to an address someone else typed. One address per customer; confirmation links work once, for 24 hours.
 */
package io.kamibot.email;
