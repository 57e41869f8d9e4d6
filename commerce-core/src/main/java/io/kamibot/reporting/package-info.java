/** The daily report to admin groups: orders, revenue, top products, stock left, and a 14-day chart. */
package io.kamibot.reporting;
