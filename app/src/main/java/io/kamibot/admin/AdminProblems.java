package io.kamibot.admin;

import io.kamibot.catalog.UnknownProduct;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The admin API's named failures as problem responses. */
@RestControllerAdvice(assignableTypes = { ProductsApi.class, StockApi.class })
class AdminProblems {

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProduct e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}
}
