package io.kamibot.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kamibot.storefront.ShopProfiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the shop's pages with a Content-Security-Policy whose nonce is new for every response: only the page's
 * own {@code <script>} and {@code <style>} elements carry it, so markup that found its way into a page could not
 * run a script or load anything from elsewhere. The pages stay plain files under {@code static/}; the nonce is
 * written into their opening tags as they are served.
 */
@Controller
class Pages {

	private static final Pattern INLINE = Pattern.compile("<(script|style)(?=[\\s>])");
	private static final SecureRandom random = new SecureRandom();
	private static final String SHOP_NAME = "{{shop}}";

	private final Page chat = Page.load("static/index.html");
	private final Page console = Page.load("static/admin.html");
	private final ShopProfiles profiles;

	Pages(ShopProfiles profiles) {
		this.profiles = profiles;
	}

	/** The web chat, titled with the shop's name as its settings have it now. */
	@GetMapping({ "/", "/index.html" })
	ResponseEntity<String> chat() {
		String name = CodesPage.escape(profiles.current().name());
		return chat.serve(html -> html.replace(SHOP_NAME, name));
	}

	@GetMapping("/admin.html")
	ResponseEntity<String> console() {
		return console.serve(html -> html);
	}

	/** A page cut where each of its script and style elements opens, so a nonce can go in between. */
	private record Page(List<String> parts) {

		static Page load(String path) {
			String html;
			try (InputStream in = new ClassPathResource(path).getInputStream()) {
				html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read the page " + path, e);
			}
			List<String> parts = new ArrayList<>();
			Matcher tag = INLINE.matcher(html);
			int from = 0;
			while (tag.find()) {
				parts.add(html.substring(from, tag.end()));
				from = tag.end();
			}
			parts.add(html.substring(from));
			return new Page(List.copyOf(parts));
		}

		ResponseEntity<String> serve(UnaryOperator<String> fill) {
			String nonce = nonce();
			String attribute = " nonce=\"" + nonce + "\"";
			StringBuilder html = new StringBuilder(parts.stream().mapToInt(String::length).sum() + 64);
			for (int i = 0; i < parts.size(); i++) {
				html.append(parts.get(i));
				if (i < parts.size() - 1) {
					html.append(attribute);
				}
			}
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore())
				.header("Content-Security-Policy", policy(nonce))
				.body(fill.apply(html.toString()));
		}
	}

	/** The policy of a page whose own script and style elements carry the nonce. */
	static String policy(String nonce) {
		return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce
				+ "'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
	}

	static String nonce() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
