package io.kamibot.inbox;

import io.kamibot.testing.CoreTest;

/** The inbox contract against the embedded store. */
@CoreTest
class InboxTest extends InboxContract {
}
