/**
 * Benefit plans: codes issued on a schedule to a list of recipients, exactly once per plan, period and recipient.
 * The issue of a period to a recipient is a document whose id is that key, recorded before anything else with the
 * numbers of the orders it will place, so a double fire, a retry, a second instance or a catch-up finds it and
 * finishes it instead of issuing again. Each issue is an ordinary order (placed without codes, paid by the plan),
 * so codes are allocated, delivered, back-ordered and sent to unreachable chats as every sale's are. Plans are data:
 * the dispatcher reads each plan's cron, bounds and cursor at every tick, so a changed schedule or a paused plan
 * takes effect without a fire in between, and nothing of a plan lives in Quartz.
 */
package io.kamibot.benefits;
