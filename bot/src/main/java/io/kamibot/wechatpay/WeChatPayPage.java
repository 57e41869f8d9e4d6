package io.kamibot.wechatpay;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result.JsapiResult;
import io.kamibot.customer.Customer;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The JSAPI payment page an Official Account buyer opens from the chat: it asks WeChat Pay for the order's
 * {@code prepay_id} and opens WeChat's payment sheet with it ({@code WeixinJSBridge getBrandWCPayRequest}). The
 * page only starts the payment; the signed notification (or the reconciliation job) records it and the codes go to
 * the chat as for every payment. Only links the shop signed open it, and only for an order waiting for payment.
 */
@RestController
@OnWeChatPay
class WeChatPayPage {

	private static final Logger log = LoggerFactory.getLogger(WeChatPayPage.class);
	private static final SecureRandom random = new SecureRandom();

	private final JsapiLinks links;
	private final Orders orders;
	private final WeChatPayProvider provider;
	private final Texts texts;
	private final Clock clock;

	WeChatPayPage(JsapiLinks links, Orders orders, WeChatPayProvider provider, Texts texts, Clock clock) {
		this.links = links;
		this.orders = orders;
		this.provider = provider;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping(JsapiLinks.PATH + "{orderNo}")
	ResponseEntity<String> page(@PathVariable String orderNo, @RequestParam(name = "s", required = false) String s) {
		Order order = links.valid(orderNo, s) ? orders.find(orderNo).orElse(null) : null;
		Customer buyer = order == null ? null : provider.officialAccountBuyer(order).orElse(null);
		if (buyer == null) {
			return page(HttpStatus.NOT_FOUND, Locale.SIMPLIFIED_CHINESE, null, Text.JSAPI_NOT_FOUND, null);
		}
		Locale locale = buyer.language();
		if (order.status() == OrderStatus.EXPIRED || (order.status().payable()
				&& !clock.instant().isBefore(order.payBefore()))) {
			// WeChat Pay refuses a time_expire in the past; the expiry job has not caught up with the order yet.
			return page(HttpStatus.OK, locale, order, Text.JSAPI_EXPIRED, null);
		}
		if (!order.status().payable()) {
			return page(HttpStatus.OK, locale, order, Text.JSAPI_NOT_PAYABLE, null);
		}
		JsapiResult pay;
		try {
			pay = provider.jsapi(order, buyer.userId());
		}
		catch (WeChatPayUnavailable e) {
			log.warn("Could not start the JSAPI payment of order {}: {}", orderNo, e.getMessage());
			return page(HttpStatus.SERVICE_UNAVAILABLE, locale, order, Text.JSAPI_UNAVAILABLE, null);
		}
		Map<String, String> request = new LinkedHashMap<>();
		request.put("appId", pay.getAppId());
		request.put("timeStamp", pay.getTimeStamp());
		request.put("nonceStr", pay.getNonceStr());
		request.put("package", pay.getPackageValue());
		request.put("signType", pay.getSignType());
		request.put("paySign", pay.getPaySign());
		return page(HttpStatus.OK, locale, order, null, request);
	}

	/** The page; with a payment request it has the pay button and the script that opens the payment sheet. */
	private ResponseEntity<String> page(HttpStatus status, Locale locale, Order order, Text message,
			Map<String, String> request) {
		String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(18));
		StringBuilder html = new StringBuilder(2048).append("<!doctype html><html lang=\"")
			.append(locale.toLanguageTag())
			.append("\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
			.append("<title>")
			.append(escape(order == null ? "Kamibot" : texts.render(locale, Text.JSAPI_TITLE, order.orderNo())))
			.append("</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#222}")
			.append("main{max-width:420px;margin:auto}button{width:100%;padding:14px;font-size:17px;border:0;")
			.append("border-radius:8px;background:#07c160;color:#fff}#note{margin-top:16px;color:#555}</style></head>")
			.append("<body><main>");
		if (order != null) {
			html.append("<h1>").append(escape(texts.render(locale, Text.JSAPI_TITLE, order.orderNo()))).append("</h1>")
				.append("<p>")
				.append(escape(texts.render(locale, Text.JSAPI_SUMMARY, order.title(), order.quantity(),
						Money.fen(order.totalFen()).display())))
				.append("</p>");
		}
		if (request != null) {
			Map<String, String> data = new LinkedHashMap<>(request);
			data.put("paid", texts.render(locale, Text.JSAPI_PAID));
			data.put("cancelled", texts.render(locale, Text.JSAPI_CANCELLED));
			data.put("failed", texts.render(locale, Text.JSAPI_FAILED));
			data.put("outside", texts.render(locale, Text.JSAPI_OPEN_IN_WECHAT));
			html.append("<button id=\"pay\" type=\"button\">")
				.append(escape(texts.render(locale, Text.JSAPI_PAY, Money.fen(order.totalFen()).display())))
				.append("</button><p id=\"note\"></p><script type=\"application/json\" id=\"request\">")
				.append(json(data))
				.append("</script><script nonce=\"").append(nonce).append("\">").append(SCRIPT).append("</script>");
		}
		else {
			html.append("<p id=\"note\">")
				.append(escape(texts.render(locale, message, order == null ? "" : order.orderNo())))
				.append("</p>");
		}
		html.append("</main></body></html>");
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
					+ "'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
			.header("Referrer-Policy", "no-referrer")
			.header("X-Content-Type-Options", "nosniff")
			.body(html.toString());
	}

	/** Opens the payment sheet at once inside WeChat, and again from the button; tells the outcome below it. */
	private static final String SCRIPT = """
			(function () {
			  var data = JSON.parse(document.getElementById('request').textContent);
			  var note = document.getElementById('note');
			  var request = { appId: data.appId, timeStamp: data.timeStamp, nonceStr: data.nonceStr,
			    'package': data['package'], signType: data.signType, paySign: data.paySign };
			  function pay() {
			    if (typeof WeixinJSBridge === 'undefined') { note.textContent = data.outside; return; }
			    WeixinJSBridge.invoke('getBrandWCPayRequest', request, function (res) {
			      var outcome = res && res.err_msg;
			      if (outcome === 'get_brand_wcpay_request:ok') {
			        note.textContent = data.paid;
			        document.getElementById('pay').disabled = true;
			      } else if (outcome === 'get_brand_wcpay_request:cancel') {
			        note.textContent = data.cancelled;
			      } else {
			        note.textContent = data.failed;
			      }
			    });
			  }
			  document.getElementById('pay').addEventListener('click', pay);
			  if (typeof WeixinJSBridge === 'undefined') {
			    document.addEventListener('WeixinJSBridgeReady', pay, false);
			  } else {
			    pay();
			  }
			})();""";

	private static byte[] bytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** A flat JSON object of strings, safe inside a script element: no character can end it or open markup. */
	static String json(Map<String, String> values) {
		StringBuilder out = new StringBuilder("{");
		values.forEach((key, value) -> {
			if (out.length() > 1) {
				out.append(',');
			}
			string(out, key);
			out.append(':');
			string(out, value == null ? "" : value);
		});
		return out.append('}').toString();
	}

	private static void string(StringBuilder out, String value) {
		out.append('"');
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\' || c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		out.append('"');
	}
}
