package io.kamibot.alipay;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import io.kamibot.money.Money;
import io.kamibot.ordering.Order;
import io.kamibot.payment.PaymentConfirmation;
import io.kamibot.payment.PaymentInstructions;
import io.kamibot.payment.PaymentProvider;
import io.kamibot.payment.RefundFailed;
import io.kamibot.payment.RefundRequest;
import org.springframework.stereotype.Component;

/**
 * Alipay face-to-face payments: a QR code the buyer scans with the Alipay app. The order number is the
 * {@code out_trade_no}, so paying again for the same order asks Alipay for the same trade and shows the same QR code;
 * the trade expires with the order's reservation. Offered in the web chat only: Telegram allows only Stars for digital
 * goods, and WeChat blocks links to Alipay.
 */
@Component
@OnAlipay
class AlipayProvider implements PaymentProvider {

	static final String ID = "alipay";
	/** The statuses that mean the money arrived. */
	static final Set<String> PAID = Set.of("TRADE_SUCCESS", "TRADE_FINISHED");
	private static final String NO_SUCH_TRADE = "ACQ.TRADE_NOT_EXIST";
	private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final AlipayClient alipay;
	private final AlipayAccount account;

	AlipayProvider(AlipayClient alipay, AlipayAccount account) {
		this.alipay = alipay;
		this.account = account;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean offeredOn(String channel) {
		return "webchat".equals(channel);
	}

	/** Alipay takes CNY, from one fen. */
	@Override
	public boolean accepts(Order order) {
		return order.totalFen() > 0;
	}

	@Override
	public PaymentInstructions start(Order order) {
		AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
		model.setOutTradeNo(order.orderNo());
		model.setTotalAmount(Yuan.of(order.totalFen()));
		model.setSubject(order.title());
		model.setSellerId(account.sellerId());
		model.setTimeExpire(BEIJING_TIME.format(order.payBefore()));
		AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
		request.setBizModel(model);
		request.setNotifyUrl(account.notifyUrl());
		AlipayTradePrecreateResponse response = execute(request, "creating the payment of order " + order.orderNo());
		if (!response.isSuccess() || response.getQrCode() == null) {
			throw new AlipayUnavailable("creating the payment of order " + order.orderNo(), reason(response));
		}
		return new PaymentInstructions.ScanQr(response.getQrCode());
	}

	/** Asks Alipay about the trade of the order ({@code alipay.trade.query}); only a paid trade is a payment. */
	@Override
	public Optional<PaymentConfirmation> lookup(Order order) {
		AlipayTradeQueryModel model = new AlipayTradeQueryModel();
		model.setOutTradeNo(order.orderNo());
		AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
		request.setBizModel(model);
		AlipayTradeQueryResponse response = execute(request, "querying order " + order.orderNo());
		if (!response.isSuccess()) {
			if (NO_SUCH_TRADE.equals(response.getSubCode())) {
				return Optional.empty();
			}
			throw new AlipayUnavailable("querying order " + order.orderNo(), reason(response));
		}
		Optional<Long> fen = Yuan.toFen(response.getTotalAmount());
		if (!PAID.contains(response.getTradeStatus()) || !order.orderNo().equals(response.getOutTradeNo())
				|| fen.isEmpty() || response.getTradeNo() == null) {
			return Optional.empty();
		}
		return Optional.of(new PaymentConfirmation(ID, response.getTradeNo(), order.orderNo(), Money.fen(fen.get())));
	}

	/**
	 * Returns the whole payment ({@code alipay.trade.refund}). The {@code out_request_no} is the refund's own number,
	 * stable per payment, so a retried or resumed refund is the same refund to Alipay and never pays back twice.
	 */
	@Override
	public void refund(RefundRequest refund) {
		AlipayTradeRefundModel model = new AlipayTradeRefundModel();
		model.setTradeNo(refund.transactionId());
		model.setOutTradeNo(refund.orderNo());
		model.setRefundAmount(Yuan.of(refund.amount().minor()));
		model.setOutRequestNo(refund.refundNo());
		model.setRefundReason(refund.orderNo());
		AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
		request.setBizModel(model);
		AlipayTradeRefundResponse response;
		try {
			response = alipay.execute(request);
		}
		catch (AlipayApiException e) {
			throw new RefundFailed(refund.orderNo(), "Alipay: " + e.getErrMsg());
		}
		if (!response.isSuccess()) {
			throw new RefundFailed(refund.orderNo(), "Alipay: " + reason(response));
		}
	}

	private <T extends AlipayResponse> T execute(AlipayRequest<T> request, String what) {
		try {
			return alipay.execute(request);
		}
		catch (AlipayApiException e) {
			throw new AlipayUnavailable(what, e.getErrMsg());
		}
	}

	private static String reason(AlipayResponse response) {
		return response.getCode() + " " + response.getSubCode() + " " + response.getSubMsg();
	}
}
