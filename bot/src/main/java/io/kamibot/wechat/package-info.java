/**
 * The WeChat Official Account channel: the push endpoint ({@code /wechat/mp}) with signature, safe-mode and AppId
 * checks, durable de-duplication through the inbox, a passive reply within WeChat's five seconds or
 * customer-service messages after, and menus as numbered choices. On when {@code KAMIBOT_WECHAT_APP_ID},
 * {@code KAMIBOT_WECHAT_SECRET} and {@code KAMIBOT_WECHAT_TOKEN} are set.
 */
package io.kamibot.wechat;
