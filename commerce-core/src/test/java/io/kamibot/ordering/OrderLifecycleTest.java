package io.kamibot.ordering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.kamibot.ordering.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Walks every status × event pair of the order lifecycle, the allowed moves and the refused ones, against the
 * moves written out here a second time on purpose; and keeps the table in {@code docs/design.md} the same as the
 * code's.
 */
class OrderLifecycleTest {

	/** Every allowed move as "FROM EVENT TO"; every pair not listed must be refused. */
	private static final Set<String> ALLOWED = Set.of(
			"CREATED RESERVED AWAITING_PAYMENT",
			"CREATED CANCEL CANCELLED",
			"AWAITING_PAYMENT CANCEL CANCELLED",
			"AWAITING_PAYMENT EXPIRE EXPIRED",
			"AWAITING_PAYMENT PAY PAID",
			"EXPIRED PAY PAID",
			"AWAITING_PAYMENT PAY_FOR_REVIEW UNDER_REVIEW",
			"EXPIRED PAY_FOR_REVIEW UNDER_REVIEW",
			"AWAITING_PAYMENT HOLD UNDER_REVIEW",
			"EXPIRED HOLD UNDER_REVIEW",
			"PAID HOLD UNDER_REVIEW",
			"UNDER_REVIEW APPROVE PAID",
			"UNDER_REVIEW REJECT CANCELLED",
			"PAID BACKORDER AWAITING_STOCK",
			"PAID DELIVER DELIVERED",
			"AWAITING_STOCK DELIVER DELIVERED",
			"PAID REFUND REFUNDED",
			"AWAITING_STOCK REFUND REFUNDED",
			"UNDER_REVIEW REFUND REFUNDED",
			"DELIVERED REFUND REFUNDED");

	private static final Path DESIGN = Path.of("..", "docs", "design.md");

	private final Instant now = Instant.parse("2026-11-22T04:00:00Z");

	static Stream<Arguments> everyStatusAndEvent() {
		return Arrays.stream(OrderStatus.values())
			.flatMap(status -> Arrays.stream(OrderEvent.values()).map(event -> Arguments.of(status, event)));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("everyStatusAndEvent")
	void movesExactlyAsTheTableSays(OrderStatus status, OrderEvent event) {
		Order overdue = order(status, now.minusSeconds(1));
		String allowed = ALLOWED.stream()
			.filter(move -> move.startsWith(status + " " + event + " "))
			.findFirst()
			.orElse(null);
		if (allowed == null) {
			assertThat(OrderLifecycle.accepts(status, event)).isFalse();
			assertThatThrownBy(() -> OrderLifecycle.next(overdue, event, now))
				.isInstanceOf(IllegalOrderTransition.class)
				.hasMessageContaining(status.name())
				.satisfies(e -> assertThat(((IllegalOrderTransition) e).status()).isEqualTo(status));
			return;
		}
		OrderStatus expected = OrderStatus.valueOf(allowed.substring(allowed.lastIndexOf(' ') + 1));
		assertThat(OrderLifecycle.accepts(status, event)).isTrue();
		assertThat(OrderLifecycle.next(overdue, event, now)).isEqualTo(expected);
	}

	@Test
	void expiresAnOrderOnlyOnceItsDeadlineHasPassed() {
		assertThat(OrderLifecycle.next(order(AWAITING_PAYMENT, now), OrderEvent.EXPIRE, now)).isEqualTo(EXPIRED);
		Order early = order(AWAITING_PAYMENT, now.plus(Duration.ofMinutes(3)));
		assertThatThrownBy(() -> OrderLifecycle.next(early, OrderEvent.EXPIRE, now))
			.isInstanceOf(IllegalOrderTransition.class)
			.hasMessageContaining("AWAITING_PAYMENT");
		// The guard decides only time: every other move ignores the deadline.
		assertThat(OrderLifecycle.next(early, OrderEvent.PAY, now)).isEqualTo(PAID);
		assertThat(OrderLifecycle.next(early, OrderEvent.CANCEL, now)).isEqualTo(CANCELLED);
	}

	@Test
	void derivesTheStatusSetsTheQueriesAndPredicatesUse() {
		assertThat(OrderLifecycle.from(OrderEvent.EXPIRE)).containsExactly(AWAITING_PAYMENT);
		assertThat(OrderLifecycle.from(OrderEvent.PAY)).containsExactlyInAnyOrder(AWAITING_PAYMENT, EXPIRED);
		assertThat(OrderLifecycle.from(OrderEvent.PAY_FOR_REVIEW)).isEqualTo(OrderLifecycle.from(OrderEvent.PAY));
		assertThat(OrderLifecycle.from(OrderEvent.RESERVED)).containsExactly(CREATED);
		assertThat(OrderLifecycle.from(OrderEvent.BACKORDER)).containsExactly(PAID);
		assertThat(OrderLifecycle.from(OrderEvent.APPROVE)).containsExactly(UNDER_REVIEW);
		assertThat(OrderLifecycle.reachedBy(OrderEvent.BACKORDER)).containsExactly(AWAITING_STOCK);
		assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::takesPayment))
			.containsExactlyInAnyOrder(AWAITING_PAYMENT, EXPIRED);
		assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::payable)).containsExactly(AWAITING_PAYMENT);
		assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::awaitsDelivery))
			.containsExactlyInAnyOrder(PAID, AWAITING_STOCK);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "CANCELLED", "REFUNDED" })
	void leavesNothingToDoForAnOrderThatIsOver(OrderStatus status) {
		assertThat(Arrays.stream(OrderEvent.values()).filter(event -> OrderLifecycle.accepts(status, event))).isEmpty();
	}

	@Test
	void theDesignDocumentShowsTheTableTheCodeUses() throws IOException {
		String table = markdownTable();
		String doc = Files.readString(DESIGN, StandardCharsets.UTF_8);
		assertThat(doc).as("docs/design.md must contain this table, as generated:%n%s", table).contains(table);
	}

	/** The lifecycle as a Markdown table: a row per status, a column per event, the target where one is allowed. */
	static String markdownTable() {
		StringBuilder md = new StringBuilder("| status \\ event |");
		for (OrderEvent event : OrderEvent.values()) {
			md.append(' ').append(event.name()).append(" |");
		}
		md.append("\n|---|").append("---|".repeat(OrderEvent.values().length)).append('\n');
		for (OrderStatus status : OrderStatus.values()) {
			md.append("| **").append(status.name()).append("** |");
			for (OrderEvent event : OrderEvent.values()) {
				md.append(' ').append(OrderLifecycle.transition(status, event)
					.map(t -> t.to().name() + (t.condition() == null ? "" : " (" + t.condition() + ")"))
					.orElse("·")).append(" |");
			}
			md.append('\n');
		}
		return md.toString();
	}

	@Test
	void theMovesWrittenHereNameOnlyRealStatusesAndEvents() {
		Map<Boolean, Long> valid = ALLOWED.stream().map(move -> move.split(" ")).collect(Collectors.partitioningBy(
				parts -> parts.length == 3 && names(OrderStatus.values()).contains(parts[0])
						&& names(OrderEvent.values()).contains(parts[1]) && names(OrderStatus.values()).contains(parts[2]),
				Collectors.counting()));
		assertThat(valid.get(false)).isZero();
		long allowedInCode = Arrays.stream(OrderStatus.values())
			.mapToLong(s -> Arrays.stream(OrderEvent.values()).filter(e -> OrderLifecycle.accepts(s, e)).count())
			.sum();
		assertThat(allowedInCode).isEqualTo(ALLOWED.size());
		assertThat(EnumSet.allOf(OrderEvent.class)).allMatch(e -> !OrderLifecycle.from(e).isEmpty());
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
	}

	private static Order order(OrderStatus status, Instant payBefore) {
		return new Order("K261122ABCDEFGH", "c1", "SKU", "Title", 1, 100, null, status, payBefore, payBefore, null,
				null, null, null, payBefore, null, null);
	}
}
