package io.kamibot.benefits;

import java.time.Clock;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.kamibot.benefits.IssueTerms.Line;
import io.kamibot.benefits.IssueTerms.Terms;
import io.kamibot.delivery.Deliveries;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.PrepaidOrders;
import io.kamibot.ordering.PrepaidOrders.Buyer;
import io.kamibot.wallet.EntryKind;
import io.kamibot.wallet.InsufficientBalance;
import io.kamibot.wallet.Wallets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The steps of one issue, each safe to repeat and to run concurrently: record the issue under its key with its order
 * numbers, wait for a claim or take the recipient's customer, debit the payer under the issue's key, place each order
 * without codes, pay it as the plan and deliver it (or leave it waiting for stock), mark the issue issued.
 */
@Component
class IssueSteps {

	private final MongoTemplate mongo;
	private final PrepaidOrders prepaid;
	private final Deliveries deliveries;
	private final Wallets wallets;
	private final Clock clock;

	IssueSteps(MongoTemplate mongo, PrepaidOrders prepaid, Deliveries deliveries, Wallets wallets, Clock clock) {
		this.mongo = mongo;
		this.prepaid = prepaid;
		this.deliveries = deliveries;
		this.wallets = wallets;
		this.clock = clock;
	}

	/**
	 * Records the period's issues of many recipients in one round trip; those recorded before are found as they are.
	 *
	 * @return each recipient's issue, and which of them this call recorded
	 */
	Recorded recordAll(Terms terms, List<Recipient> recipients) {
		List<Issue> fresh = recipients.stream().map(r -> fresh(terms, r)).toList();
		if (fresh.isEmpty()) {
			return new Recorded(Map.of(), Set.of());
		}
		Set<String> now = fresh.stream().map(Issue::id).collect(Collectors.toCollection(HashSet::new));
		try {
			mongo.bulkOps(BulkMode.UNORDERED, Issue.class).insert(fresh).execute();
		}
		catch (BulkOperationException e) {
			// Recorded before (a second fire, another instance, a run that died): found below.
			e.getErrors().forEach(error -> now.remove(fresh.get(error.getIndex()).id()));
		}
		Map<String, Issue> recorded = new HashMap<>();
		mongo.find(Query.query(where("_id").in(fresh.stream().map(Issue::id).toList())), Issue.class)
			.forEach(issue -> recorded.put(issue.recipientId(), issue));
		for (Recipient recipient : recipients) {
			recorded.computeIfAbsent(recipient.id(), id -> record(terms, recipient));
		}
		return new Recorded(recorded, now);
	}

	/**
	 * Takes issues this run recorded just now for known recipients all together: debits a payer once per issue,
	 * then, per plan item, places and pays every issue's order in one write ({@link
	 * PrepaidOrders#placePaidWithoutCodes}) and delivers them together ({@link Deliveries#fulfilEach}). An issue one
	 * of whose orders another run placed meanwhile goes on alone ({@link #advance}), as after a crash.
	 */
	List<Placed> placeAll(Terms terms, List<Issue> issues, Executor executor) {
		List<Placed> unpaid = new ArrayList<>();
		List<Issue> paid = new ArrayList<>(issues);
		if (terms.walletId() != null && terms.totalFen() > 0) {
			issues.stream().map(i -> CompletableFuture.supplyAsync(() -> debit(terms, i), executor)).toList()
				.forEach(debit -> debit.join().ifPresent(unpaid::add));
			paid.removeIf(i -> unpaid.stream().anyMatch(p -> p.id().equals(i.id())));
		}
		Map<String, Boolean> waiting = new HashMap<>();
		Set<String> alone = new HashSet<>();
		for (int n = 0; n < terms.lines().size(); n++) {
			Line line = terms.lines().get(n);
			int item = n;
			List<Issue> batch = paid.stream().filter(i -> !alone.contains(i.id())).toList();
			List<Order> placed = prepaid.placePaidWithoutCodes(line.sku(), line.quantity(), line.amountFen(),
					line.title(), batch.stream().map(i -> new Buyer(i.orderNos().get(item), i.customerId(), i.payment()))
						.toList());
			Map<String, OrderStatus> statuses = deliveries.fulfilEach(line.sku(), placed, executor);
			for (Issue issue : batch) {
				OrderStatus status = statuses.get(issue.orderNos().get(item));
				if (status == null) {
					alone.add(issue.id());
				}
				else {
					waiting.merge(issue.id(), status == OrderStatus.AWAITING_STOCK, Boolean::logicalOr);
				}
			}
		}
		List<CompletableFuture<Placed>> done = paid.stream().map(i -> alone.contains(i.id())
				? CompletableFuture.supplyAsync(() -> advance(terms, i), executor)
				: CompletableFuture.completedFuture(new Placed(i.id(), waiting.get(i.id())))).toList();
		List<Placed> all = new ArrayList<>(unpaid);
		done.forEach(placed -> all.add(placed.join()));
		return all;
	}

	/** The period's issues by recipient id, and the ids of those {@link #recordAll} recorded now. */
	record Recorded(Map<String, Issue> byRecipient, Set<String> now) {
	}

	/** Takes a recorded issue as far as it goes now, and marks it. */
	Issue finish(Terms terms, Issue recorded) {
		Placed placed = advance(terms, recorded);
		if (placed.waitingStock() != null) {
			markIssued(List.of(recorded.id()), placed.waitingStock());
		}
		return mongo.findById(recorded.id(), Issue.class);
	}

	/**
	 * Takes a recorded issue as far as it goes now, leaving the mark of an issue whose orders went out to the caller,
	 * who marks a page of them in one update ({@link #markIssued}); until then it stays PLACING, and finishing it
	 * again finds its orders placed and paid.
	 */
	Placed advance(Terms terms, Issue recorded) {
		Issue issue = recorded;
		if (issue.state() == IssueState.ISSUED) {
			return new Placed(issue.id(), null);
		}
		if (issue.customerId() == null) {
			// Read after the issue was recorded: a claim made meanwhile either sees this issue or is seen here.
			Recipient now = mongo.findById(issue.recipientId(), Recipient.class);
			if (now == null || !now.claimed()) {
				return new Placed(issue.id(), null);
			}
			issue = attach(issue, now.customerId());
		}
		return place(terms, issue);
	}

	/** Marks issues whose orders went out as issued. */
	void markIssued(Collection<String> ids, boolean waitingStock) {
		if (!ids.isEmpty()) {
			mongo.updateMulti(Query.query(where("_id").in(ids).and("state").ne(IssueState.ISSUED)),
					new Update().set("state", IssueState.ISSUED).set("waitingStock", waitingStock)
						.set("issuedAt", clock.instant()), Issue.class);
		}
	}

	/**
	 * What {@link #advance} did with an issue.
	 *
	 * @param waitingStock whether its orders went out with some waiting for stock; {@code null} when none were
	 *     placed now (issued before, waiting for a claim or for the payer)
	 */
	record Placed(String id, Boolean waitingStock) {
	}

	private Issue fresh(Terms terms, Recipient recipient) {
		List<String> numbers = IntStream.range(0, terms.lines().size()).mapToObj(i -> prepaid.newNumber()).toList();
		return new Issue(Issue.idOf(terms.plan().id(), terms.period(), recipient.id()), terms.plan().id(),
				terms.period(), recipient.id(), recipient.customerId(), numbers,
				recipient.claimed() ? IssueState.PLACING : IssueState.AWAITING_CLAIM, false, clock.instant(), null);
	}

	private Issue record(Terms terms, Recipient recipient) {
		Issue issue = fresh(terms, recipient);
		try {
			return mongo.insert(issue);
		}
		catch (DuplicateKeyException e) {
			return mongo.findById(issue.id(), Issue.class);
		}
	}

	private Issue attach(Issue issue, String customerId) {
		Issue attached = mongo.findAndModify(Query.query(where("_id").is(issue.id()).and("customerId").is(null)),
				new Update().set("customerId", customerId).set("state", IssueState.PLACING),
				FindAndModifyOptions.options().returnNew(true), Issue.class);
		return attached != null ? attached : mongo.findById(issue.id(), Issue.class);
	}

	/** Debits the payer under the issue's key, once however often; the mark of an unpaid issue when it cannot pay. */
	private Optional<Placed> debit(Terms terms, Issue issue) {
		if (terms.walletId() != null && terms.totalFen() > 0) {
			try {
				wallets.post(terms.walletId(), issue.payment(), EntryKind.ORDER, -terms.totalFen(),
						terms.plan().name() + " " + terms.period());
			}
			catch (InsufficientBalance e) {
				mongo.updateFirst(Query.query(where("_id").is(issue.id()).and("state").ne(IssueState.ISSUED)),
						Update.update("state", IssueState.UNPAID), Issue.class);
				return Optional.of(new Placed(issue.id(), null));
			}
		}
		return Optional.empty();
	}

	private Placed place(Terms terms, Issue issue) {
		Optional<Placed> unpaid = debit(terms, issue);
		if (unpaid.isPresent()) {
			return unpaid.get();
		}
		boolean waiting = false;
		for (int i = 0; i < terms.lines().size(); i++) {
			Line line = terms.lines().get(i);
			Order order = prepaid.placeWithoutCodes(issue.orderNos().get(i), issue.customerId(), line.sku(),
					line.quantity(), line.amountFen(), line.title());
			OrderStatus status = prepaid.payToDeliver(order, issue.payment()).map(deliveries::fulfil)
				.orElseGet(() -> deliveries.fulfil(order.orderNo()));
			waiting |= status == OrderStatus.AWAITING_STOCK;
		}
		return new Placed(issue.id(), waiting);
	}
}
