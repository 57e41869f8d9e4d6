package io.kamibot.wechatpay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** WeChat Pay's beans exist when a merchant id is configured; the merchant's other settings are then required. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnProperty("kamibot.wechatpay.mch-id")
@interface OnWeChatPay {
}
