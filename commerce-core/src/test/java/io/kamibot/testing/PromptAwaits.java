package io.kamibot.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility's defaults for the tests of every module that uses this test jar: the first look at once, then one every
 * 20 ms. Awaitility's own defaults wait 100 ms before the first look and between looks, so each wait for something
 * already true cost 100 ms, and the suite's hundreds of waits added up to seconds of idle time. A wait that sets its
 * own interval keeps it. Found by JUnit's extension auto-detection ({@code META-INF/services}, switched on by the
 * root pom's surefire configuration).
 */
public class PromptAwaits implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
		Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
	}
}
