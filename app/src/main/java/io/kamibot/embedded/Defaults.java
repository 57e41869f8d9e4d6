package io.kamibot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.kamibot.vault.Vault;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Completes the configuration before any bean exists: decides between embedded and production mode, and fills in
 * what the owner did not set: in embedded mode the secrets key, the sandbox and the demo; in both modes an admin
 * token kept in the data directory. Production without a secrets key is refused: codes sealed with a key that
 * lives only in a container would be lost with it.
 * <p>
 * The sandbox gives codes away, so it fails closed: unless the owner set it, it is on only in embedded mode while
 * no real payment provider and no real chat channel is configured, the shop someone tries out on their own machine.
 */
public class Defaults implements EnvironmentPostProcessor, Ordered {

	static final String EMBEDDED = "kamibot.embedded";
	static final String GENERATED_TOKEN = "kamibot.admin.generated-token";
	static final String SANDBOX = "kamibot.payment.sandbox.enabled";
	/** Set when the sandbox was decided here rather than by the owner. */
	static final String SANDBOX_IMPLICIT = "kamibot.payment.sandbox.implicit";

	/**
	 * Settings that bring real buyers or real money, by what they turn on; any one of them, even blank, turns the
	 * implicit sandbox off. Telegram is both: its token turns on the channel and Stars payments.
	 */
	private static final List<Map.Entry<String, String>> REAL = List.of(
			Map.entry("kamibot.telegram.token", "Telegram (KAMIBOT_TELEGRAM_TOKEN)"),
			Map.entry("kamibot.wechat.app-id", "WeChat Official Account (KAMIBOT_WECHAT_APP_ID)"),
			Map.entry("kamibot.wechat.secret", "WeChat Official Account (KAMIBOT_WECHAT_SECRET)"),
			Map.entry("kamibot.wechat.token", "WeChat Official Account (KAMIBOT_WECHAT_TOKEN)"),
			Map.entry("kamibot.wechatpay.mch-id", "WeChat Pay (KAMIBOT_WECHATPAY_MCH_ID)"),
			Map.entry("kamibot.wechatpay.merchant-key", "WeChat Pay (KAMIBOT_WECHATPAY_MERCHANT_KEY)"),
			Map.entry("kamibot.wechatpay.api-v3-key", "WeChat Pay (KAMIBOT_WECHATPAY_API_V3_KEY)"),
			Map.entry("kamibot.alipay.app-id", "Alipay (KAMIBOT_ALIPAY_APP_ID)"),
			Map.entry("kamibot.alipay.private-key", "Alipay (KAMIBOT_ALIPAY_PRIVATE_KEY)"));

	private final Log log;

	/** Boot's way of logging before logging is set up: the lines are written once it is. The only constructor. */
	public Defaults(DeferredLogFactory logs) {
		this.log = logs.getLog(Defaults.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> computed = new HashMap<>();
		Path dataDir = Path.of(environment.getProperty("kamibot.data-dir", "./data")).toAbsolutePath().normalize();
		String mongoUri = environment.getProperty("kamibot.mongodb.uri", "");
		boolean embedded = mongoUri.isBlank();
		computed.put(EMBEDDED, embedded);
		DataDirectory data = new DataDirectory(dataDir, log);
		if (embedded || blank(environment, "kamibot.admin.api-token") || Files.isDirectory(dataDir)) {
			data.secure();
		}
		if (embedded) {
			data.ownerOnlyFile(DataDirectory.DATABASE);
			computed.put("spring.mongodb.database", "kamibot");
			if (!environment.containsProperty(SANDBOX)) {
				computed.put(SANDBOX, real(environment).isEmpty());
				computed.put(SANDBOX_IMPLICIT, true);
			}
			defaultTo(environment, computed, "kamibot.demo.enabled", true);
			if (blank(environment, "kamibot.secrets.key")) {
				computed.put("kamibot.secrets.key", kept(dataDir.resolve("secrets.key"), Vault::newKey));
			}
		}
		else {
			computed.put("spring.mongodb.uri", mongoUri);
			if (blank(environment, "kamibot.secrets.key")) {
				throw new IllegalStateException("KAMIBOT_SECRETS_KEY must be set when KAMIBOT_MONGODB_URI is: "
						+ "generate one with `openssl rand -base64 32` and keep it safe; codes cannot be read without it");
			}
		}
		if (blank(environment, "kamibot.admin.api-token")) {
			String token = kept(dataDir.resolve("admin-token"), Defaults::newToken);
			computed.put("kamibot.admin.api-token", token);
			computed.put(GENERATED_TOKEN, true);
		}
		computed.put("kamibot.data-dir", dataDir.toString());
		environment.getPropertySources().addFirst(new MapPropertySource("kamibotDefaults", computed));
	}

	@Override
	public int getOrder() {
		// After application.yml and the environment are loaded.
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static void defaultTo(ConfigurableEnvironment environment, Map<String, Object> computed, String key,
			Object value) {
		if (!environment.containsProperty(key)) {
			computed.put(key, value);
		}
	}

	/** Which of {@link #REAL} are configured, by what they turn on and the variable that does it. */
	static List<String> real(Environment environment) {
		return REAL.stream()
			.filter(setting -> environment.containsProperty(setting.getKey()))
			.map(Map.Entry::getValue)
			.toList();
	}

	private static boolean blank(ConfigurableEnvironment environment, String key) {
		String value = environment.getProperty(key);
		return value == null || value.isBlank();
	}

	/** The value kept in the file, or a new one written there (readable by the owner only) on first start. */
	static String kept(Path file, Supplier<String> generate) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			Files.createDirectories(file.getParent());
			String value = generate.get();
			Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
			restrict(temporary);
			Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException e) {
				// Another instance on the same directory won; use its value.
				Files.deleteIfExists(temporary);
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			return value;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep " + file, e);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// Not a POSIX file system (Windows): the directory's own protection applies.
		}
	}

	private static String newToken() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
