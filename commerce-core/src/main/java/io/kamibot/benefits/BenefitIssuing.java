package io.kamibot.benefits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.kamibot.CommerceCoreConfiguration.ShopSettings;
import io.kamibot.benefits.IssueSteps.Placed;
import io.kamibot.benefits.IssueSteps.Recorded;
import io.kamibot.benefits.IssueTerms.Terms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Issues plans' periods: the dispatcher's {@link #issueDue()} (every plan's periods whose time has come, with its
 * catch-up policy) and an admin's {@link #issue(String, String)}. Safe to run on several instances at once and
 * again after a crash: every issue is recorded under (plan, period, recipient) before anything else happens, and a
 * period is done only once each of its recipients was looked at.
 */
@Service
public class BenefitIssuing implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BenefitIssuing.class);
	private static final int PAGE = 500;
	/** Issues of a period run side by side: the store commits concurrent writes together. */
	private static final int THREADS = 16;
	private static final Duration DRAIN = Duration.ofSeconds(10);

	private final MongoTemplate mongo;
	private final IssueSteps steps;
	private final IssueTerms terms;
	private final PlanCursor cursor;
	private final PeriodAlerts alerts;
	private final Clock clock;
	private final ZoneId zone;
	private final ExecutorService workers;

	BenefitIssuing(MongoTemplate mongo, IssueSteps steps, IssueTerms terms, PlanCursor cursor, PeriodAlerts alerts,
			Clock clock, ShopSettings shop) {
		this.mongo = mongo;
		this.steps = steps;
		this.terms = terms;
		this.cursor = cursor;
		this.alerts = alerts;
		this.clock = clock;
		this.zone = shop.zone();
		AtomicInteger n = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(THREADS, r -> {
			Thread thread = new Thread(r, "benefit-issue-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Issues every active plan's periods whose time has come: each missed period once, oldest first (catch-up
	 * {@code issue}), or only the latest with the others skipped ({@code skip}). A plan with no period left finishes.
	 *
	 * @return how many periods this call issued
	 */
	public int issueDue() {
		int issued = 0;
		for (Plan plan : mongo.find(Query.query(where("status").is(PlanStatus.ACTIVE)), Plan.class)) {
			try {
				issued += issueDue(plan);
			}
			catch (RuntimeException e) {
				log.error("Issuing plan {} failed; its period is tried again: {}", plan.id(), e.toString());
			}
		}
		return issued;
	}

	private int issueDue(Plan plan) {
		Schedule schedule = new Schedule(plan, zone);
		List<Instant> due = schedule.due(clock.instant());
		if (due.isEmpty()) {
			if (schedule.over()) {
				cursor.finish(plan);
			}
			return 0;
		}
		Plan current = plan;
		if (plan.catchUp() == CatchUp.SKIP && due.size() > 1) {
			if (!cursor.skip(plan, schedule, due.subList(0, due.size() - 1))) {
				return 0; // Another instance is at it.
			}
			current = mongo.findById(plan.id(), Plan.class);
			due = due.subList(due.size() - 1, due.size());
		}
		int issued = 0;
		for (Instant fire : due) {
			String label = schedule.label(fire);
			// A changed schedule may fire again in a period already handled: the same period, issued once, counted once.
			boolean again = current.issuedThrough() != null && schedule.label(current.issuedThrough()).equals(label);
			if (!issuePeriod(current, label, fire) || !cursor.advance(current, fire, again ? 0 : 1)) {
				break;
			}
			issued++;
			current = mongo.findById(plan.id(), Plan.class);
		}
		return issued;
	}

	/**
	 * Issues one period of a plan now, whatever its schedule says; the same period again issues nothing new (but
	 * gives recipients added since, and issues a payer could not pay before, their turn).
	 *
	 * @param period the period's label, e.g. {@code 2026-12}
	 * @throws UnknownPlan, UnknownPeriod when there is no such plan or period
	 */
	public PeriodCounts issue(String planId, String period) {
		Plan plan = Plans.require(mongo, planId);
		Instant fire = new Schedule(plan, zone).fireOf(period);
		issuePeriod(plan, period, fire);
		return PeriodCounts.of(mongo, planId, period);
	}

	/** @return whether every recipient was looked at, so the period is done */
	boolean issuePeriod(Plan plan, String period, Instant fire) {
		long started = System.nanoTime();
		try {
			mongo.insert(new PlanPeriod(PlanPeriod.idOf(plan.id(), period), plan.id(), period, fire,
					PeriodState.ISSUING, clock.instant(), null));
		}
		catch (DuplicateKeyException e) {
			// A run before this one, maybe on another instance, maybe one that died: this one does the same again.
		}
		Terms shared = terms.of(plan, period);
		AtomicInteger failed = new AtomicInteger();
		String after = "";
		for (int page = 0; page < 1_000_000 / PAGE; page++) {
			List<Recipient> recipients = mongo.find(Query.query(where("planId").is(plan.id()).and("status")
				.is(RecipientStatus.ACTIVE).and("_id").gt(after)).with(Sort.by("_id")).limit(PAGE), Recipient.class);
			Recorded recorded = steps.recordAll(shared, recipients);
			List<Issue> together = new ArrayList<>();
			List<CompletableFuture<Placed>> running = new ArrayList<>();
			for (Recipient recipient : recipients) {
				Issue issue = recorded.byRecipient().get(recipient.id());
				if (recorded.now().contains(issue.id()) && issue.state() == IssueState.PLACING) {
					together.add(issue);
				}
				else {
					running.add(CompletableFuture.supplyAsync(() -> advanceOne(shared, issue, failed), workers));
				}
			}
			List<Placed> placed = new ArrayList<>(placeAll(shared, together, failed));
			running.forEach(one -> placed.add(one.join()));
			mark(placed);
			if (recipients.size() < PAGE) {
				break;
			}
			after = recipients.get(recipients.size() - 1).id();
		}
		if (failed.get() > 0) {
			log.warn("Plan {} period {}: {} issues failed; the period is tried again", plan.id(), period, failed);
			return false;
		}
		mongo.updateFirst(Query.query(where("_id").is(PlanPeriod.idOf(plan.id(), period)).and("state")
			.is(PeriodState.ISSUING)), new Update().set("state", PeriodState.DONE).set("doneAt", clock.instant()),
				PlanPeriod.class);
		alerts.afterPeriod(plan, period);
		log.info("Plan {} period {} issued in {} ms", plan.id(), period, (System.nanoTime() - started) / 1_000_000);
		return true;
	}

	/** Places the issues a recipient's claim made theirs: everything issued to the code so far. */
	void issueClaimed(Plan plan, Recipient recipient) {
		for (Issue issue : mongo.find(Query.query(where("recipientId").is(recipient.id()).and("state")
			.is(IssueState.AWAITING_CLAIM)), Issue.class)) {
			steps.finish(terms.of(plan, issue.period()), issue);
		}
	}

	/**
	 * The issues this run recorded just now, placed together: a first fire's whole page in a few writes. A failure
	 * fails them all for this run; the next one finds them recorded and takes each on alone.
	 */
	private List<Placed> placeAll(Terms shared, List<Issue> issues, AtomicInteger failed) {
		if (issues.isEmpty()) {
			return List.of();
		}
		try {
			return steps.placeAll(shared, issues, workers);
		}
		catch (RuntimeException e) {
			failed.addAndGet(issues.size());
			log.error("Issuing plan {} period {} to {} recipients failed: {}", shared.plan().id(), shared.period(),
					issues.size(), e.toString());
			return List.of();
		}
	}

	/** Marks the issues whose orders went out, in two updates: with and without some waiting for stock. */
	private void mark(List<Placed> placed) {
		Map<Boolean, List<String>> out = placed.stream().filter(p -> p != null && p.waitingStock() != null)
			.collect(Collectors.partitioningBy(Placed::waitingStock, Collectors.mapping(Placed::id,
					Collectors.toList())));
		steps.markIssued(out.get(false), false);
		steps.markIssued(out.get(true), true);
	}

	/** @return what it did, or {@code null} when it failed (the period is then tried again) */
	private Placed advanceOne(Terms shared, Issue issue, AtomicInteger failed) {
		try {
			return steps.advance(shared, issue);
		}
		catch (RuntimeException e) {
			failed.incrementAndGet();
			log.error("Issuing plan {} period {} to recipient {} failed: {}", shared.plan().id(), shared.period(),
					issue.recipientId(), e.toString());
			return null;
		}
	}

	/** Lets the steps handed to the workers finish first: one dropped unrun would keep its run waiting for good. */
	@Override
	public void destroy() {
		workers.shutdown();
		try {
			if (workers.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
				return;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		workers.shutdownNow();
	}
}
