package io.kamibot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Kamibot: a chat-first storefront for virtual goods. With no configuration it runs on embedded MongoDB-compatible
 * storage and Redis with a demo catalog; see docs/operations.md for production settings.
 */
@SpringBootApplication
public class KamibotApplication {

	public static void main(String[] args) {
		SpringApplication.run(KamibotApplication.class, args);
	}
}
