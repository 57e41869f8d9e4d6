package io.kamibot.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.delivery.Deliveries;
import io.kamibot.delivery.NotDeliveredYet;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.Orders;
import io.kamibot.storefront.CodeLinks;
import io.kamibot.storefront.ShopProfiles;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A delivery's own page ({@link CodeLinks}): the codes written into the HTML by the server, so it works without
 * JavaScript and in the in-app browsers of chat apps; a small script only adds copy buttons. Every view is recorded
 * (as {@code codes.view} through the web link). A link that is not the shop's own is 404 and shows nothing.
 */
@Controller
class CodesPage {

	static final String CHANNEL = "web-link";

	private final CodeLinks links;
	private final Orders orders;
	private final Deliveries deliveries;
	private final Customers customers;
	private final ShopProfiles profiles;
	private final Texts texts;

	CodesPage(CodeLinks links, Orders orders, Deliveries deliveries, Customers customers, ShopProfiles profiles,
			Texts texts) {
		this.links = links;
		this.orders = orders;
		this.deliveries = deliveries;
		this.customers = customers;
		this.profiles = profiles;
		this.texts = texts;
	}

	@GetMapping(CodeLinks.PATH + "{orderNo}")
	ResponseEntity<String> show(@PathVariable String orderNo, @RequestParam(name = "c", required = false) String customer,
			@RequestParam(name = "s", required = false) String signature) {
		Order order = links.valid(orderNo, customer, signature)
				? orders.find(orderNo).filter(o -> o.belongsTo(customer)).orElse(null) : null;
		Locale locale = customers.find(customer == null ? "" : customer).map(Customer::language)
			.orElse(Texts.LOCALES.get(0));
		if (order == null) {
			return page(HttpStatus.NOT_FOUND, locale, texts.render(locale, Text.CODES_PAGE_INVALID), null, List.of());
		}
		String title = texts.render(locale, Text.CODES_PAGE_TITLE, orderNo);
		try {
			List<String> codes = deliveries.reveal(orderNo, customer, CHANNEL);
			return page(HttpStatus.OK, locale, title,
					texts.render(locale, Text.CODES_PAGE_KEEP, order.title(), order.quantity()), codes);
		}
		catch (NotDeliveredYet e) {
			return page(HttpStatus.OK, locale, title, texts.render(locale, Text.CODES_PAGE_NONE, orderNo,
					texts.render(locale, "status." + e.status().name())), List.of());
		}
	}

	private ResponseEntity<String> page(HttpStatus status, Locale locale, String title, String note,
			List<String> codes) {
		String nonce = Pages.nonce();
		StringBuilder html = new StringBuilder(2048).append("<!DOCTYPE html><html lang=\"")
			.append(locale.toLanguageTag())
			.append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, ")
			.append("initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><link rel=\"icon\" href=\"data:,\">")
			.append("<title>").append(escape(profiles.current().name())).append("</title><style nonce=\"")
			.append(nonce).append("\">").append(STYLE).append("</style></head><body><main><p class=\"shop\">")
			.append(escape(profiles.current().name())).append("</p><h1>").append(escape(title)).append("</h1>");
		if (note != null) {
			html.append("<p>").append(escape(note)).append("</p>");
		}
		for (String code : codes) {
			html.append("<div class=\"code\"><code>").append(escape(code)).append("</code><button type=\"button\" ")
				.append("hidden>").append(escape(texts.render(locale, Text.CODES_PAGE_COPY))).append("</button></div>");
		}
		html.append("</main><script nonce=\"").append(nonce).append("\">")
			.append(SCRIPT.replace("COPIED", escapeJs(texts.render(locale, Text.CODES_PAGE_COPIED))))
			.append("</script></body></html>");
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			// Codes: never kept by a shared cache or the browser's.
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", Pages.policy(nonce))
			.body(html.toString());
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String escapeJs(String text) {
		return text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c");
	}

	private static final String STYLE = "body{margin:0;background:#eef0f3;color:#1f2328;font:16px/1.5 system-ui,"
			+ "sans-serif}main{max-width:640px;margin:0 auto;padding:20px 14px}.shop{color:#6b7280;margin:0}"
			+ "h1{font-size:1.2rem}.code{display:flex;gap:8px;align-items:center;background:#fff;border:1px dashed "
			+ "#9aa3ae;border-radius:8px;padding:8px 10px;margin:8px 0}code{flex:1;font:15px ui-monospace,monospace;"
			+ "word-break:break-all;user-select:all}button{font:inherit;font-size:.85rem;border-radius:8px;border:1px "
			+ "solid #c9d6f5;background:#eef3ff;color:#2563eb;padding:4px 10px}";

	// Copy buttons only where the script runs; without it each code is selectable text.
	private static final String SCRIPT = "for(const b of document.querySelectorAll('.code button')){b.hidden=false;"
			+ "b.addEventListener('click',async()=>{const t=b.previousSibling.textContent;"
			+ "try{await navigator.clipboard.writeText(t);b.textContent='COPIED';}catch(e){"
			+ "getSelection().selectAllChildren(b.previousSibling);}});}";
}
