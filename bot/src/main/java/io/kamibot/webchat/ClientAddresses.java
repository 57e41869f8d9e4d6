package io.kamibot.webchat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The client address a web chat request comes from, which the limits per address count. It is the connection's
 * peer; only when that peer is a trusted proxy is {@code X-Forwarded-For} read, from its right end (the hop the
 * proxy itself added) leftwards past further trusted proxies, because everything left of them is whatever the
 * client chose to send. An IPv6 client counts as its /64, which one subscriber usually holds whole.
 */
@Component
class ClientAddresses {

	private static final Logger log = LoggerFactory.getLogger(ClientAddresses.class);
	private static final String FORWARDED_FOR = "X-Forwarded-For";
	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
	private static final Pattern IPV4_WITH_PORT = Pattern.compile("(" + IPV4.pattern() + "):\\d{1,5}");
	private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]*)\\](:\\d{1,5})?");

	private final List<Range> trusted;
	private final AtomicBoolean warned = new AtomicBoolean();

	ClientAddresses(WebchatSettings settings) {
		this.trusted = settings.trustedProxies().stream().map(Range::parse).toList();
	}

	String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		Optional<InetAddress> client = literal(peer);
		List<String> hops = forwardedFor(request);
		if (client.isEmpty() || !isTrusted(client.get())) {
			if (!hops.isEmpty() && warned.compareAndSet(false, true)) {
				log.warn("A web chat request came with X-Forwarded-For from {}, which is not a trusted proxy, so the "
						+ "header is ignored. Behind a reverse proxy, set KAMIBOT_WEBCHAT_TRUSTED_PROXIES to its "
						+ "address, or every buyer counts as that one address", peer);
			}
			return client.map(ClientAddresses::key).orElse(peer);
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			Optional<InetAddress> hop = literal(hops.get(i));
			if (hop.isEmpty()) {
				// Unreadable: the last address read is the best there is.
				break;
			}
			client = hop;
			if (!isTrusted(hop.get())) {
				break;
			}
		}
		return key(client.get());
	}

	private boolean isTrusted(InetAddress address) {
		return trusted.stream().anyMatch(range -> range.contains(address));
	}

	private static List<String> forwardedFor(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
			Arrays.stream(header.split(",")).map(String::strip).filter(h -> !h.isEmpty()).forEach(hops::add);
		}
		return hops;
	}

	private static String key(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(prefix, 8, 16, (byte) 0);
			return toAddress(prefix).getHostAddress() + "/64";
		}
		return address.getHostAddress();
	}

	/**
	 * Reads an IP address literal, also with a port or in brackets as proxies write them; never a host name, so
	 * nothing a client sends can start a DNS lookup.
	 */
	static Optional<InetAddress> literal(String text) {
		if (text == null || text.length() > 64) {
			return Optional.empty();
		}
		String candidate = text.strip();
		var bracketed = BRACKETED.matcher(candidate);
		var withPort = IPV4_WITH_PORT.matcher(candidate);
		if (bracketed.matches()) {
			candidate = bracketed.group(1);
		}
		else if (withPort.matches()) {
			candidate = withPort.group(1);
		}
		if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
			return Optional.empty();
		}
		try {
			// A literal as checked above: InetAddress parses it without asking DNS.
			return Optional.of(InetAddress.getByName(candidate));
		}
		catch (UnknownHostException e) {
			return Optional.empty();
		}
	}

	private static InetAddress toAddress(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException("A 4- or 16-byte address is always valid", e);
		}
	}

	/** An address ({@code 10.0.0.1}) or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
	record Range(byte[] network, int bits) {

		static Range parse(String text) {
			int slash = text.indexOf('/');
			InetAddress address = literal(slash < 0 ? text : text.substring(0, slash)).orElseThrow(
					() -> new IllegalArgumentException("kamibot.webchat.trusted-proxies: not an IP address: " + text));
			int max = address.getAddress().length * 8;
			int bits;
			try {
				bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException e) {
				bits = -1;
			}
			if (bits < 0 || bits > max) {
				throw new IllegalArgumentException("kamibot.webchat.trusted-proxies: bad prefix length: " + text);
			}
			return new Range(address.getAddress(), bits);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < bits; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}
}
