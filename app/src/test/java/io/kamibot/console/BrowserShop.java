package io.kamibot.console;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's browser tests: the shop of {@link ConsoleShop} and one Chromium shared by every class (a test
 * opens the pages it needs; the console stays signed in between them).
 */
abstract class BrowserShop extends ConsoleShop {

	@RegisterExtension
	static final Browser browser = new Browser();
}
