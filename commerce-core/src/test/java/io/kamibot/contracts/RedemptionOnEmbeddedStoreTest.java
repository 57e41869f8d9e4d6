package io.kamibot.contracts;

import io.kamibot.testing.CoreTest;

/** The redemption contract against the embedded store, the default of small shops. */
@CoreTest
class RedemptionOnEmbeddedStoreTest extends RedemptionContract {
}
