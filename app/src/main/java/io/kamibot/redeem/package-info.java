/**
 * The redemption (核销) API under {@code /api/redeem/v1}: a redeemer's system redeems or checks a code. Every call is
 * signed with the redeemer's key exactly as the Open API's are ({@code signing}); a code is redeemed exactly once,
 * and each answer of a redemption has its own status (200, 409, 422, 404, 410, 403; 429 while guessing is refused).
 */
package io.kamibot.redeem;
