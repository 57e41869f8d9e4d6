package io.kamibot.inbox;

import io.kamibot.testing.RealMongoTest;

/** The inbox contract against real MongoDB; needs Docker. */
@RealMongoTest
class InboxOnMongoDbTest extends InboxContract {
}
