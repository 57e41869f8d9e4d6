/**
 * Benefit plans' recipients in the chats: {@code /claim CODE} makes this chat's customer the recipient of a plan's
 * claim code (once, from any channel) and hands over what was issued to it so far; {@code /benefits} lists the plans
 * the customer receives and each period's issue. The codes themselves arrive as every order's do.
 */
package io.kamibot.benefitchat;
