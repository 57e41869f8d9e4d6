package io.kamibot.aftersales;

/** Event: an admin acted on a buyer's report; the buyer should be told. */
public record ProblemResolved(String orderNo, String customerId, Problems.Outcome outcome) {
}
