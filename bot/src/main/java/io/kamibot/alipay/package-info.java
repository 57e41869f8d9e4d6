/**
 * Alipay (支付宝) face-to-face QR payments through the official {@code alipay-sdk-java}: the payment provider
 * ({@code alipay.trade.precreate}, {@code .query}, {@code .refund}) and the notify endpoint that believes nothing
 * before the RSA2 signature, the app, the seller and the amount are checked. Offered in the web chat only. On when
 * {@code KAMIBOT_ALIPAY_APP_ID} is set.
 */
package io.kamibot.alipay;
