package io.kamibot.redeem;

import java.net.URI;

import io.kamibot.redemption.TooManyMisses;
import org.redisson.client.RedisException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The redemption API's refusals as problem responses, each with a {@code type} a client can switch on. */
@RestControllerAdvice(assignableTypes = RedeemApi.class)
class RedeemProblems {

	static final String TYPE = "https://kamibot.io/problems/";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> guessing(TooManyMisses e) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-misses", e.getMessage()));
	}

	/** Redis did not answer the guessing check; nothing was redeemed, and the call may be sent again. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(RedisException e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Nothing was redeemed: send the call again"));
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
