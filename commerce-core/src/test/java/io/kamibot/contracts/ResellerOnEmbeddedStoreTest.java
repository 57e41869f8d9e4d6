package io.kamibot.contracts;

import io.kamibot.testing.CoreTest;

/** The reseller contract against the embedded store, the default of small shops. */
@CoreTest
class ResellerOnEmbeddedStoreTest extends ResellerContract {
}
