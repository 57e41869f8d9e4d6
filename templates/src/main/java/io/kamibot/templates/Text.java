package io.kamibot.templates;

/**
 * The fixed texts, each a key in every locale's bundle. Families of keys built at run time are named by their
 * prefix: {@code status.<ORDER STATUS>} and {@code payment.method.<provider id>}.
 */
public enum Text {

	WELCOME("welcome"),
	HELP("help"),
	UNKNOWN_INPUT("unknown.input"),
	MENU_CATALOG("menu.catalog"),
	MENU_ORDERS("menu.orders"),
	MENU_HELP("menu.help"),
	MENU_LANGUAGE("menu.language"),
	CATALOG_EMPTY("catalog.empty"),
	CATALOG_HEADER("catalog.header"),
	CATALOG_ITEM("catalog.item"),
	PRODUCT_DETAIL("product.detail"),
	PRODUCT_UNAVAILABLE("product.unavailable"),
	BUY_USAGE("buy.usage"),
	QUANTITY_INVALID("quantity.invalid"),
	QUANTITY_BUTTON("quantity.button"),
	OUT_OF_STOCK("out.of.stock"),
	ORDER_PLACED("order.placed"),
	ORDER_NOT_FOUND("order.not.found"),
	ORDER_CANCELLED("order.cancelled"),
	ORDER_CANNOT_CANCEL("order.cannot.cancel"),
	ORDER_EXPIRED("order.expired"),
	CANCEL_USAGE("cancel.usage"),
	BUTTON_CANCEL("button.cancel"),
	BUTTON_BACK("button.back"),
	PAYMENT_NONE("payment.none"),
	PAYMENT_ACCEPTED("payment.accepted"),
	PAYMENT_DUPLICATE("payment.duplicate"),
	PAYMENT_MISMATCH("payment.mismatch"),
	PAYMENT_NOT_PAYABLE("payment.not.payable"),
	PAYMENT_LINK("payment.link"),
	PAYMENT_QR("payment.qr"),
	DELIVERED("delivered"),
	BACKORDERED("backordered"),
	CODES("codes"),
	CODES_NOT_YET("codes.not.yet"),
	ORDERS_EMPTY("orders.empty"),
	ORDERS_HEADER("orders.header"),
	ORDERS_ITEM("orders.item"),
	ORDERS_SHOW_CODES("orders.show.codes"),
	PAY_SUPPORT("pay.support"),
	REFUND_USAGE("refund.usage"),
	REFUND_DONE("refund.done"),
	REFUND_ALREADY("refund.already"),
	REFUND_NOT_PAID("refund.not.paid"),
	REFUND_FAILED("refund.failed"),
	PRECHECK_REFUSED("precheck.refused"),
	LANGUAGE_CHOOSE("language.choose"),
	LANGUAGE_CHANGED("language.changed"),
	ERROR("error"),
	CHOOSE_BY_NUMBER("choose.by.number");

	private final String key;

	Text(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}
}
