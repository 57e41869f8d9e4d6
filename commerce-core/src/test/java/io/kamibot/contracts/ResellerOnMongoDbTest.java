package io.kamibot.contracts;

import io.kamibot.testing.RealMongoTest;

/** The reseller contract against real MongoDB, where commands do run at the same time; needs Docker. */
@RealMongoTest
class ResellerOnMongoDbTest extends ResellerContract {
}
