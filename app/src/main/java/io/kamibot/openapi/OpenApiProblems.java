package io.kamibot.openapi;

import io.kamibot.catalog.UnknownProduct;
import io.kamibot.ordering.ProductUnavailable;
import io.kamibot.resellers.RefReused;
import io.kamibot.resellers.ResellerSuspended;
import io.kamibot.stock.OutOfStock;
import io.kamibot.wallet.InsufficientBalance;
import io.kamibot.wallet.WalletBusy;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The Open API's named failures as problem responses, each with a {@code type} a client can switch on. */
@RestControllerAdvice(assignableTypes = OpenApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the shop-wide problem handler, which answers unreadable bodies untyped
class OpenApiProblems {

	static final String TYPE = "https://kamibot.io/problems/";

	@ExceptionHandler
	ProblemDetail insufficient(InsufficientBalance e) {
		ProblemDetail problem = problem(HttpStatus.PAYMENT_REQUIRED, "insufficient-balance", "Not enough balance: "
				+ e.requestedFen() + " fen needed");
		problem.setProperty("balanceFen", e.balance().balanceFen());
		problem.setProperty("creditLimitFen", e.balance().creditLimitFen());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail outOfStock(OutOfStock e) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "out-of-stock", e.getMessage());
		problem.setProperty("available", e.available());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail refReused(RefReused e) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "ref-reused", e.getMessage());
		problem.setProperty("orderNo", e.orderNo());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProduct e) {
		return problem(HttpStatus.NOT_FOUND, "unknown-product", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(ProductUnavailable e) {
		return problem(HttpStatus.NOT_FOUND, "unknown-product", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail suspended(ResellerSuspended e) {
		return problem(HttpStatus.FORBIDDEN, "suspended", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail busy(WalletBusy e) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "wallet-busy", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownOrder(UnknownOrder e) {
		return problem(HttpStatus.NOT_FOUND, "unknown-order", e.getMessage());
	}

	/** A body that is no JSON object of the request's fields, or holds a fraction or text where a number goes. */
	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The body must be a JSON object "
				+ "{\"sku\",\"quantity\",\"ref\"}, with the quantity a whole number");
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE + type));
		return problem;
	}
}
