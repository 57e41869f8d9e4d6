package io.kamibot.contracts;

import io.kamibot.testing.CoreTest;

/** The purchase contract against the embedded store, the default of small shops. */
@CoreTest
class PurchaseOnEmbeddedStoreTest extends PurchaseContract {
}
