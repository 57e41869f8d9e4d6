/**
 * WeChat Pay v3 (Native QR payments) with WxJava's {@code weixin-java-pay}: the payment provider, the payment
 * notification endpoint that checks the platform's signature itself, and the order query that recovers payments
 * whose notification was lost. On when {@code KAMIBOT_WECHATPAY_MCH_ID} is set.
 */
package io.kamibot.wechatpay;
