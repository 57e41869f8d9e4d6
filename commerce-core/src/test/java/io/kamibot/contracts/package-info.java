/**
 * Contracts of the core that must hold on every MongoDB it runs on: each is an abstract test run by one subclass
 * against the embedded store and by another against real MongoDB (skipped where no Docker engine answers).
 */
package io.kamibot.contracts;
