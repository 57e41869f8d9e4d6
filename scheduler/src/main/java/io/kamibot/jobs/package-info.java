/**
 * Quartz jobs. Each is a few lines calling one commerce-core operation; a fire runs once across instances (a Redis
 * claim per scheduled fire time) and running it twice would change nothing anyway (the operations are idempotent).
 */
package io.kamibot.jobs;
