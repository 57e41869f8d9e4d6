package io.kamibot.webchat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client address the limits count: X-Forwarded-For is believed only as far as trusted proxies wrote it. */
class ClientAddressesTest {

	@Test
	void ignoresForwardedForFromAPeerThatIsNoTrustedProxy() {
		ClientAddresses addresses = addresses();
		assertThat(addresses.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
		assertThat(addresses(List.of("10.0.0.1")).of(request("203.0.113.7", "198.51.100.1")))
			.isEqualTo("203.0.113.7");
	}

	@Test
	void readsTheClientThatTheTrustedProxiesAddedNotWhatTheClientForged() {
		ClientAddresses addresses = addresses(List.of("10.0.0.0/8", "127.0.0.1"));
		assertThat(addresses.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
		// The client sent its own X-Forwarded-For; the proxies appended the address they saw.
		assertThat(addresses.of(request("127.0.0.1", "1.1.1.1, 6.6.6.6", "198.51.100.1, 10.2.3.4")))
			.isEqualTo("198.51.100.1");
		assertThat(addresses.of(request("10.9.9.9", "[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:0/64");
		assertThat(addresses.of(request("127.0.0.1", "198.51.100.1:5555"))).isEqualTo("198.51.100.1");
		assertThat(addresses.of(request("127.0.0.1"))).as("no header: the proxy itself").isEqualTo("127.0.0.1");
	}

	@Test
	void stopsAtAnEntryThatIsNoAddressAndNeverLooksANameUp() {
		ClientAddresses addresses = addresses(List.of("127.0.0.1"));
		assertThat(addresses.of(request("127.0.0.1", "localhost"))).isEqualTo("127.0.0.1");
		assertThat(addresses.of(request("127.0.0.1", "unknown, 198.51.100.1"))).isEqualTo("198.51.100.1");
		assertThat(addresses.of(request("127.0.0.1", "999.1.1.1"))).isEqualTo("127.0.0.1");
		assertThat(ClientAddresses.literal("example.com")).isEmpty();
		assertThat(ClientAddresses.literal("1.2.3")).isEmpty();
	}

	@Test
	void countsAnIpv6ClientAsItsSlash64() {
		ClientAddresses addresses = addresses();
		assertThat(addresses.of(request("2001:db8:1:2:aaaa::1"))).isEqualTo(addresses.of(request("2001:db8:1:2::ffff")))
			.isNotEqualTo(addresses.of(request("2001:db8:1:3::1")));
	}

	@Test
	void refusesATrustedProxyThatIsNoAddressOrRange() {
		for (String bad : new String[] { "proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129" }) {
			assertThatThrownBy(() -> addresses(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("trusted-proxies");
		}
	}

	private static ClientAddresses addresses() {
		return addresses(List.of());
	}

	private static ClientAddresses addresses(List<String> trusted) {
		return new ClientAddresses(new WebchatSettings(10, Duration.ofMinutes(10), trusted));
	}

	private static MockHttpServletRequest request(String peer, String... forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		for (String header : forwardedFor) {
			request.addHeader("X-Forwarded-For", header);
		}
		return request;
	}
}
