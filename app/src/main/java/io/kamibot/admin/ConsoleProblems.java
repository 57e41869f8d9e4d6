package io.kamibot.admin;

import io.kamibot.delivery.NotDeliveredYet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The console's endpoints answer the admin API's named failures as it does, and a resend of nothing as 409. */
@RestControllerAdvice(assignableTypes = { OrderSearchApi.class, OrderDetailApi.class, OrderActionsApi.class,
		ShelfApi.class, DashboardApi.class, SettingsApi.class })
class ConsoleProblems extends AdminProblems {

	@ExceptionHandler
	ProblemDetail notDelivered(NotDeliveredYet e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}
}
