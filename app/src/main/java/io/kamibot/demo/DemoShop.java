package io.kamibot.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.stock.Stock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Seeds the demo catalog when the shop has no products at all, so a restart or a real catalog is left alone. */
@Component
@ConditionalOnBooleanProperty("kamibot.demo.enabled")
class DemoShop implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoShop.class);
	private static final int CODES_PER_PRODUCT = 20;
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private record Demo(String sku, String title, String description, String category, long priceFen, long stars) {
	}

	private static final List<Demo> PRODUCTS = List.of(
			new Demo("DEMO-STEAM-50", "Steam 钱包充值卡 ¥50", "Steam wallet code worth ¥50 (demo)", "game", 4900, 250),
			new Demo("DEMO-VIDEO-1M", "视频会员月卡", "One month of video membership (demo)", "membership", 1500, 80),
			new Demo("DEMO-GAME-60", "游戏点卡 60 点", "60 game points (demo)", "game", 600, 30));

	private final Catalog catalog;
	private final Stock stock;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	DemoShop(Catalog catalog, Stock stock, Clock clock) {
		this.catalog = catalog;
		this.stock = stock;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (catalog.count() > 0) {
			return;
		}
		for (Demo demo : PRODUCTS) {
			Sku sku = new Sku(demo.sku());
			catalog.save(sku, new ProductDraft(demo.title(), demo.description(), demo.category(), demo.priceFen(),
					demo.stars(), true, 10, 5));
			stock.importCodes(sku, new ByteArrayInputStream(codes(demo).getBytes(StandardCharsets.UTF_8)), "demo");
		}
		log.info("Seeded the demo catalog: {} products with {} codes each", PRODUCTS.size(), CODES_PER_PRODUCT);
	}

	/** Random codes; every other one with an expiry date, to show that the soonest-expiring sells first. */
	private String codes(Demo demo) {
		LocalDate today = LocalDate.now(clock);
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < CODES_PER_PRODUCT; i++) {
			lines.append(demo.sku(), 5, demo.sku().length()).append('-').append(group()).append('-').append(group());
			if (i % 2 == 0) {
				lines.append(',').append(today.plusDays(30 + i));
			}
			lines.append('\n');
		}
		return lines.toString();
	}

	private String group() {
		char[] group = new char[4];
		for (int i = 0; i < group.length; i++) {
			group[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(group);
	}
}
