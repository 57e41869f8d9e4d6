package io.kamibot.admin;

import io.kamibot.catalog.UnknownProduct;
import io.kamibot.resellers.UnknownReseller;
import io.kamibot.wallet.InsufficientBalance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The reseller admin API's named failures as problem responses. */
@RestControllerAdvice(assignableTypes = { ResellersApi.class, PricesApi.class })
class ResellerProblems {

	@ExceptionHandler
	ProblemDetail unknownReseller(UnknownReseller e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProduct e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	/** An adjustment that would take the balance past the credit limit: refused whole. */
	@ExceptionHandler
	ProblemDetail insufficient(InsufficientBalance e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setProperty("balanceFen", e.balance().balanceFen());
		problem.setProperty("creditLimitFen", e.balance().creditLimitFen());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}
}
