package io.kamibot.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them)
 * driven through Selenium, started by the first test class that uses it and shared by every class after it (the run's
 * end quits it). When a test fails, what the browser showed then and the steps it had passed ({@code steps.txt}) are
 * written to {@code target/browser-screenshots/<test>/}. With {@code -Dkamibot.screenshots=steps} each step takes a
 * screenshot too, kept when the test fails; with {@code all}, also when it passes. Step screenshots are off by default:
 * they were a tenth of the browser tests' CPU time.
 * Without the two programs the tests are skipped, saying so.
 */
final class Browser implements TestWatcher, BeforeAllCallback {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KAMIBOT_CHROMIUM", "/usr/bin/chromium"));
	static final Path DRIVER = Path.of(System.getenv().getOrDefault("KAMIBOT_CHROMEDRIVER", "/usr/bin/chromedriver"));
	private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
	private static final String SCREENSHOTS_WANTED = System.getProperty("kamibot.screenshots", "");
	private static final boolean SCREENSHOT_AT_STEPS = List.of("steps", "all").contains(SCREENSHOTS_WANTED);

	private final List<Step> steps = new ArrayList<>();
	private ChromeDriver driver;
	private Path downloads;

	/** Starts Chromium for the first class, or skips the class when it is not installed. */
	@Override
	public void beforeAll(ExtensionContext context) {
		if (driver == null) {
			start();
			// Closed when the whole run ends, so the next class finds this browser still open.
			AutoCloseable quit = this::stop;
			context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Browser.class, quit);
		}
	}

	private void start() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
				"No Chromium at " + CHROMIUM + " or no ChromeDriver at " + DRIVER + ", so the browser tests are skipped: "
						+ "apt-get install chromium chromium-driver (.ci/run does)");
		try {
			downloads = Files.createTempDirectory("kamibot-downloads");
			Path profile = Files.createTempDirectory("kamibot-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			// As Debian's Chromium runs here as root and offline: no sandbox, no calls home, a fresh profile.
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--window-size=1280,1000", "--lang=en-US",
					"--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
					"download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
			driver = new ChromeDriver(service, options);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void stop() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	WebDriver driver() {
		return driver;
	}

	Path downloads() {
		return downloads;
	}

	/** Marks a step of the test with a screenshot, kept only if the test fails. */
	void step(String name) {
		steps.add(new Step(name, SCREENSHOT_AT_STEPS ? driver.getScreenshotAs(OutputType.BYTES) : null));
	}

	/**
	 * A wait that looks every 50 ms: Selenium's default of 500 ms let each step wait up to half a second after the
	 * page was ready, which over a test's hundred waits was most of its time.
	 */
	private WebDriverWait within(Duration atMost) {
		return new WebDriverWait(driver, atMost, Duration.ofMillis(50));
	}

	/** The element once it is visible (at most 15 s). */
	WebElement visible(By by) {
		return within(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Waits (at most 15 s) until the element's text contains the fragment, and returns the text. */
	String awaitText(By by, String fragment) {
		return awaitText(by, fragment, Duration.ofSeconds(15));
	}

	String awaitText(By by, String fragment, Duration atMost) {
		within(atMost).until(ExpectedConditions.textToBePresentInElementLocated(by, fragment));
		return driver.findElement(by).getText();
	}

	/** Clicks the element once it can be clicked, scrolled to the middle first: the sticky header covers the top. */
	void click(By by) {
		WebElement target = within(Duration.ofSeconds(15))
			.until(ExpectedConditions.elementToBeClickable(by));
		driver.executeScript("arguments[0].scrollIntoView({ block: 'center' });", target);
		target.click();
	}

	void type(By by, String text) {
		WebElement field = visible(by);
		field.clear();
		field.sendKeys(text);
	}

	/** Waits (at most 15 s) until the element's text contains one of the fragments (a text in either language). */
	String awaitAnyText(By by, String... fragments) {
		within(Duration.ofSeconds(15)).until(ExpectedConditions.or(Arrays.stream(fragments)
			.map(f -> ExpectedConditions.textToBePresentInElementLocated(by, f))
			.toArray(ExpectedCondition[]::new)));
		return driver.findElement(by).getText();
	}

	/** Types a day into a date field as this browser's en-US locale reads it (month, day, year), and checks it took. */
	void typeDate(By by, LocalDate day) {
		WebElement field = visible(by);
		field.sendKeys(day.format(DateTimeFormatter.ofPattern("MMddyyyy")));
		within(Duration.ofSeconds(15))
			.until(d -> day.toString().equals(d.findElement(by).getDomProperty("value")));
	}

	/** Opens the console at the port and signs in with the admin token. */
	void signIn(int port, String token) {
		driver.get("http://127.0.0.1:" + port + "/admin.html");
		By login = By.id("token");
		within(Duration.ofSeconds(15))
			.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(login),
					ExpectedConditions.visibilityOfElementLocated(By.id("tabs"))));
		if (driver.findElement(login).isDisplayed()) { // else this tab is signed in already
			type(login, token);
			click(By.cssSelector("#login-form button"));
		}
		visible(By.id("tabs"));
		step("signed in");
	}

	/** Keeps every text the element shows from now on, in order, in the page; {@link #recorded} reads them. */
	void recordTexts(String id) {
		driver.executeScript("const n = document.getElementById(arguments[0]), seen = [];"
				+ "window['recorded-' + arguments[0]] = seen;"
				+ "new MutationObserver(() => seen.push(n.textContent))"
				+ ".observe(n, { childList: true, characterData: true, subtree: true });", id);
	}

	@SuppressWarnings("unchecked")
	List<String> recorded(String id) {
		return (List<String>) driver.executeScript("return window['recorded-' + arguments[0]];", id);
	}

	/** Forgets everything the site stored in this browser (cookies, local and session storage), as a new device. */
	void forgetTheSite() {
		driver.manage().deleteAllCookies();
		driver.executeScript("localStorage.clear(); sessionStorage.clear();");
	}

	/** Accepts the confirm dialog the page opened (at most 15 s). */
	void confirm() {
		within(Duration.ofSeconds(15)).until(ExpectedConditions.alertIsPresent()).accept();
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (driver != null) {
			steps.add(new Step("failed", driver.getScreenshotAs(OutputType.BYTES)));
		}
		try {
			keep(context);
		}
		catch (IOException e) {
			cause.addSuppressed(e);
		}
	}

	@Override
	public void testSuccessful(ExtensionContext context) {
		if ("all".equals(SCREENSHOTS_WANTED)) {
			try {
				keep(context);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		steps.clear();
	}

	private void keep(ExtensionContext context) throws IOException {
		Path dir = SCREENSHOTS.resolve(context.getRequiredTestMethod().getName());
		FileSystemUtils.deleteRecursively(dir); // an earlier run's pictures would mix with these
		Files.createDirectories(dir);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			String name = String.format("%02d-%s", i + 1, steps.get(i).name());
			names.add(name);
			if (steps.get(i).png() != null) {
				Files.write(dir.resolve(name + ".png"), steps.get(i).png());
			}
		}
		Files.write(dir.resolve("steps.txt"), names);
		steps.clear();
	}

	/** @param png the screenshot of the step, or null when none was taken */
	private record Step(String name, byte[] png) {
	}
}
