package io.kamibot.pem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;

/**
 * The RSA key pairs of the fake payment gateways (WeChat Pay, Alipay), read from {@code fake-gateway-keys/} in the test
 * resources. They are fixed test keys, known to everyone, and serve only the fakes: generating a 2048-bit pair took
 * up to a second of CPU in a test JVM (the JIT the tests run with has no fast big-number arithmetic), several times
 * per JVM. The public half is taken from the private key.
 */
public final class FakeGatewayKeys {

	private FakeGatewayKeys() {
	}

	/** @param name a file of {@code fake-gateway-keys/} without its {@code .pem}, e.g. {@code alipay-app} */
	public static KeyPair named(String name) {
		String path = "/fake-gateway-keys/" + name + ".pem";
		try (InputStream in = FakeGatewayKeys.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No test key " + path);
			}
			PrivateKey secret = PemKeys.privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII), path);
			RSAPrivateCrtKey crt = (RSAPrivateCrtKey) secret;
			return new KeyPair(KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), secret);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
