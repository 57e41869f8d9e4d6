package io.kamibot.wechatpay;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayOrderQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result.JsapiResult;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentProvider;
import io.kamibot.payment.RefundFailed;
import io.kamibot.payment.RefundRequest;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay v3: Native payments, a QR code the buyer scans with WeChat; and, when JSAPI is on, for buyers in the
 * Official Account chat a link to the shop's page where WeChat's payment sheet opens ({@link WeChatPayPage}). The
 * order number is the {@code out_trade_no}, so starting twice asks WeChat for the same order and gets the same
 * {@code code_url} or {@code prepay_id}. An order is paid one way or the other: WeChat Pay refuses an
 * {@code out_trade_no} used by another API.
 */
@Component
@OnWeChatPay
class WeChatPayProvider implements PaymentProvider {

	static final String ID = "wechatpay";
	/** WeChat Pay's answer to a query for a refund it does not know. */
	private static final String NO_SUCH_REFUND = "RESOURCE_NOT_EXISTS";
	/** Never Telegram: its rules allow only Stars for digital goods. */
	private static final Set<String> CHANNELS = Set.of("wechat", "webchat");
	private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final WxPayService wxPay;
	private final Merchant merchant;
	private final Customers customers;
	private final JsapiLinks links;

	WeChatPayProvider(WxPayService wxPay, Merchant merchant, Customers customers, JsapiLinks links) {
		this.wxPay = wxPay;
		this.merchant = merchant;
		this.customers = customers;
		this.links = links;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean offeredOn(String channel) {
		return CHANNELS.contains(channel);
	}

	/** WeChat Pay takes CNY, at least one fen. */
	@Override
	public boolean accepts(Order order) {
		return order.totalFen() > 0 && order.totalFen() <= Integer.MAX_VALUE;
	}

	@Override
	public PaymentInstructions start(Order order) {
		if (merchant.jsapi() && officialAccountBuyer(order).isPresent()) {
			// The page asks WeChat for the prepay_id when it is opened: a link that is never tapped costs nothing.
			return new PaymentInstructions.OpenLink(links.link(order.orderNo()));
		}
		try {
			String codeUrl = wxPay.createOrderV3(TradeTypeEnum.NATIVE, request(order));
			return new PaymentInstructions.ScanQr(codeUrl);
		}
		catch (WxPayException e) {
			throw new WeChatPayUnavailable("creating the payment of order " + order.orderNo(), e);
		}
	}

	/**
	 * The JSAPI payment of an order: what the page hands to {@code getBrandWCPayRequest}, signed with the merchant
	 * key by WxJava. Asking again gives the same {@code prepay_id}.
	 */
	JsapiResult jsapi(Order order, String openId) {
		try {
			return wxPay.createOrderV3(TradeTypeEnum.JSAPI,
					request(order).setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(openId)));
		}
		catch (WxPayException e) {
			throw new WeChatPayUnavailable("creating the JSAPI payment of order " + order.orderNo(), e);
		}
	}

	/** The buyer when the order was placed in the Official Account chat, where JSAPI can pay it (OpenID = user id). */
	Optional<Customer> officialAccountBuyer(Order order) {
		return customers.find(order.customerId()).filter(customer -> "wechat".equals(customer.channel()));
	}

	private WxPayUnifiedOrderV3Request request(Order order) {
		return new WxPayUnifiedOrderV3Request().setOutTradeNo(order.orderNo())
			.setDescription(order.title())
			.setTimeExpire(RFC3339.format(order.payBefore().truncatedTo(ChronoUnit.SECONDS)))
			.setNotifyUrl(merchant.notifyUrl())
			.setAmount(new WxPayUnifiedOrderV3Request.Amount().setTotal(Math.toIntExact(order.totalFen()))
				.setCurrency("CNY"));
	}

	/** Asks WeChat Pay about the order ({@code queryOrderV3} by {@code out_trade_no}); only SUCCESS is paid. */
	@Override
	public Optional<PaymentConfirmation> lookup(Order order) {
		WxPayOrderQueryV3Result result;
		try {
			result = wxPay.queryOrderV3(null, order.orderNo());
		}
		catch (WxPayException e) {
			if ("ORDER_NOT_EXIST".equals(e.getErrCode())) {
				return Optional.empty();
			}
			throw new WeChatPayUnavailable("querying order " + order.orderNo(), e);
		}
		if (!"SUCCESS".equals(result.getTradeState()) || !order.orderNo().equals(result.getOutTradeNo())
				|| result.getAmount() == null || result.getAmount().getTotal() == null) {
			return Optional.empty();
		}
		return Optional.of(new PaymentConfirmation(ID, result.getTransactionId(), result.getOutTradeNo(),
				Money.fen(result.getAmount().getTotal())));
	}

	/**
	 * Returns the whole payment, whatever its order costs (money an order could not take may be another amount).
	 * The {@code out_refund_no} is the refund's own number, stable per payment, so a retried refund is the same
	 * refund to WeChat Pay and never pays back twice.
	 */
	@Override
	public void refund(RefundRequest refund) {
		int total = Math.toIntExact(refund.amount().minor());
		WxPayRefundV3Request request = new WxPayRefundV3Request().setTransactionId(refund.transactionId())
			.setOutRefundNo(refund.refundNo())
			.setReason(refund.orderNo())
			.setAmount(new WxPayRefundV3Request.Amount().setRefund(total).setTotal(total).setCurrency("CNY"));
		WxPayRefundV3Result result;
		try {
			result = wxPay.refundV3(request);
		}
		catch (WxPayException e) {
			throw new RefundFailed(refund.orderNo(), "WeChat Pay: " + reason(e));
		}
		failIfRefused(refund, result.getStatus());
	}

	/**
	 * Asks WeChat Pay about the refund by its {@code out_refund_no}: SUCCESS or PROCESSING means WeChat Pay has it
	 * (as when it answers the request); a refund WeChat Pay never received is requested now, with the same number.
	 */
	@Override
	public void resumeRefund(RefundRequest refund) {
		WxPayRefundQueryV3Result result;
		try {
			result = wxPay.refundQueryV3(refund.refundNo());
		}
		catch (WxPayException e) {
			if (NO_SUCH_REFUND.equals(e.getErrCode())) {
				refund(refund);
				return;
			}
			throw new WeChatPayUnavailable("querying refund " + refund.refundNo(), e);
		}
		failIfRefused(refund, result.getStatus());
	}

	private static void failIfRefused(RefundRequest refund, String status) {
		if ("CLOSED".equals(status) || "ABNORMAL".equals(status)) {
			throw new RefundFailed(refund.orderNo(), "WeChat Pay refund is " + status);
		}
	}

	private static String reason(WxPayException e) {
		return e.getErrCode() != null ? e.getErrCode() + " " + e.getErrCodeDes() : e.getMessage();
	}
}
