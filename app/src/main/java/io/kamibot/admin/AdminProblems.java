package io.kamibot.admin;

import io.kamibot.admins.ConfiguredAdmin;
import io.kamibot.benefits.InvalidRecipients;
import io.kamibot.benefits.UnknownPeriod;
import io.kamibot.benefits.UnknownPlan;
import io.kamibot.catalog.UnknownProduct;
import io.kamibot.ordering.NotApprovable;
import io.kamibot.ordering.OrderNotFound;
import io.kamibot.payment.NotRefundable;
import io.kamibot.payment.RefundFailed;
import io.kamibot.redemption.UnknownRedeemer;
import io.kamibot.resellers.UnknownReseller;
import io.kamibot.stock.CodesRedeemed;
import io.kamibot.stock.ImportTooLarge;
import io.kamibot.stock.NotOwnVoucher;
import io.kamibot.stock.NotText;
import io.kamibot.wallet.InsufficientBalance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The admin API's named failures as problem responses. */
@RestControllerAdvice(assignableTypes = { ProductsApi.class, StockApi.class, OrdersApi.class, AuditApi.class,
		AlertsApi.class, ReviewsApi.class, AdminsApi.class, BansApi.class, ResellersApi.class, PricesApi.class,
		CouponsApi.class, PlansApi.class, VouchersApi.class })
class AdminProblems {

	@ExceptionHandler
	ProblemDetail unknownOrder(OrderNotFound e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notRefundable(NotRefundable e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail codesRedeemed(CodesRedeemed e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()
				+ ": refund with ?redeemed=true to override (audited)");
		problem.setProperty("redeemed", e.redeemed());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notOwnVoucher(NotOwnVoucher e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownRedeemer(UnknownRedeemer e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail refundFailed(RefundFailed e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProduct e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail importTooLarge(ImportTooLarge e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notText(NotText e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notApprovable(NotApprovable e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail configuredAdmin(ConfiguredAdmin e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownReseller(UnknownReseller e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	/** A wallet adjustment that would take the balance past the credit limit: refused whole. */
	@ExceptionHandler
	ProblemDetail insufficient(InsufficientBalance e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setProperty("balanceFen", e.balance().balanceFen());
		problem.setProperty("creditLimitFen", e.balance().creditLimitFen());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknownPlan(UnknownPlan e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownPeriod(UnknownPeriod e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	/** A recipient list with lines that name nobody: refused whole, with the lines. */
	@ExceptionHandler
	ProblemDetail invalidRecipients(InvalidRecipients e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Recipient lines not understood");
		problem.setProperty("lines", e.lines());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}
}
