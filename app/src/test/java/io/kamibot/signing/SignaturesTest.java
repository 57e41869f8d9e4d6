package io.kamibot.signing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {

	private static final String BODY = "{\"sku\":\"STEAM-100\",\"quantity\":500,\"ref\":\"PO-2026-001\"}";

	/** The value docs/resellers.md's curl + openssl lines give for these inputs (and Python's hmac module). */
	@Test
	void signsAsTheDocumentedOpensslExampleDoes() {
		String canonical = Signatures.canonical("POST", "/api/open/v1/orders", "1700000000", "0123456789abcdef",
				BODY.getBytes(StandardCharsets.UTF_8));

		assertThat(Signatures.sign("abc123", canonical))
			.isEqualTo("a1d1415733f886cb24604f3e6575639a78d8e17785af1b8fa6157979d8d1cd24");
	}

	@Test
	void hashesAnEmptyBodyForAGet() {
		assertThat(Signatures.canonical("GET", "/api/open/v1/balance", "1", "n", new byte[0]))
			.endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void comparesWholeSignaturesOnly() {
		assertThat(Signatures.matches("abcd", "abcd")).isTrue();
		assertThat(Signatures.matches("abcd", "abc")).isFalse();
		assertThat(Signatures.matches("abcd", "ABCD")).isFalse();
	}
}
