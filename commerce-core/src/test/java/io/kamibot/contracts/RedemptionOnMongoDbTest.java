package io.kamibot.contracts;

import io.kamibot.testing.RealMongoTest;

/** The redemption contract against real MongoDB, where commands do run at the same time; needs Docker. */
@RealMongoTest
class RedemptionOnMongoDbTest extends RedemptionContract {
}
