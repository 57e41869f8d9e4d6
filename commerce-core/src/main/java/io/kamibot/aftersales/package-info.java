/**
 * After-sales: a buyer reports a bad code, admins replace the order's codes (the old ones are voided, new ones
 * delivered once) or refund it.
 */
package io.kamibot.aftersales;
