package io.kamibot.openapi;

import java.time.LocalDate;
import java.util.List;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.resellers.BulkReceipt;
import io.kamibot.resellers.BulkOrders;
import io.kamibot.resellers.ResellerWallets;
import io.kamibot.stock.Stock;
import io.kamibot.wallet.Balance;
import io.kamibot.signing.SignedCalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The calls a reseller's system makes, each already checked by {@link OpenApiSigning}. */
@RestController
@RequestMapping("/api/open/v1")
class OpenApi {

	static final String CHANNEL = "open-api";
	static final String PREFIX = "/api/open/v1/";

	private final Catalog catalog;
	private final Stock stock;
	private final BulkOrders bulk;
	private final ResellerWallets wallets;

	OpenApi(Catalog catalog, Stock stock, BulkOrders bulk, ResellerWallets wallets) {
		this.catalog = catalog;
		this.stock = stock;
		this.bulk = bulk;
		this.wallets = wallets;
	}

	/** Products on sale at the caller's unit price, with how many codes are available. */
	@GetMapping("/products")
	List<ProductView> products(@RequestAttribute(SignedCalls.CALLER) String reseller) {
		return catalog.onSale().stream().map(p -> view(reseller, p)).toList();
	}

	/** Places a bulk order: 201 when this call placed it, 200 with the same body when the ref was placed before. */
	@PostMapping("/orders")
	ResponseEntity<OrderView> order(@RequestAttribute(SignedCalls.CALLER) String reseller,
			@RequestBody OrderRequest request) {
		if (request.sku() == null || request.quantity() == null || request.ref() == null) {
			throw new IllegalArgumentException("sku, quantity and ref are required");
		}
		BulkReceipt receipt = bulk.order(reseller, new Sku(request.sku()), request.quantity(), request.ref(), CHANNEL);
		return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(receipt));
	}

	@GetMapping("/orders/{ref}")
	ResponseEntity<OrderView> find(@RequestAttribute(SignedCalls.CALLER) String reseller, @PathVariable String ref) {
		return bulk.find(reseller, ref, CHANNEL).map(r -> ResponseEntity.ok(view(r)))
			.orElseThrow(() -> new UnknownOrder(ref));
	}

	@GetMapping("/balance")
	BalanceView balance(@RequestAttribute(SignedCalls.CALLER) String reseller) {
		Balance balance = wallets.balance(reseller);
		return new BalanceView(balance.balanceFen(), balance.creditLimitFen());
	}

	private ProductView view(String reseller, Product product) {
		return new ProductView(product.sku(), product.title(), bulk.quote(reseller, product.id(), 1).unitFen(),
				stock.available(product.id()));
	}

	private static OrderView view(BulkReceipt receipt) {
		return new OrderView(receipt.order().orderNo(), receipt.order().ref(), receipt.order().sku(),
				receipt.order().quantity(), receipt.order().amountFen(),
				receipt.codes().stream().map(c -> new CodeView(c.code(), c.lastDay())).toList());
	}

	/** @param price the caller's unit price in fen, before quantity tiers */
	record ProductView(String sku, String title, long price, long available) {
	}

	record OrderRequest(String sku, Integer quantity, String ref) {
	}

	/** @param expiresOn the code's last day, or {@code null} when it never expires */
	record CodeView(String code, LocalDate expiresOn) {
	}

	record OrderView(String orderNo, String ref, String sku, int quantity, long amountFen, List<CodeView> codes) {
	}

	record BalanceView(long balanceFen, long creditLimitFen) {
	}
}
