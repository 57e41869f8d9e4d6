/**
 * The demo shop of the embedded default: three products with generated codes, seeded once into an empty catalog.
 */
package io.kamibot.demo;
