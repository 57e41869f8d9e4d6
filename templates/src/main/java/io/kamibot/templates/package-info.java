/**
 * Every text a buyer, reseller or admin reads, per locale (zh-CN by default, en), rendered with arguments.
 */
package io.kamibot.templates;
