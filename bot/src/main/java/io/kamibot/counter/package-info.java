/**
 * Redemption at the counter, in chat: an admin makes a group a redeemer's staff group with {@code /counter REDEEMER};
 * there any member redeems with {@code /redeem CODE} and gets the API's answers in words. Only a staff chat redeems,
 * and it redeems only for its redeemer, with the same exactly-once update and the same guard against guessing.
 */
package io.kamibot.counter;
