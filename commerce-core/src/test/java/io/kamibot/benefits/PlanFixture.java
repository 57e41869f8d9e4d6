package io.kamibot.benefits;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.Order;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.TestClock;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sets up benefit plans as an admin does, through the shop's own services (a product with codes imported, a plan
 * saved, recipients added as lines of text), and counts what they issued. Ids are fresh in each call, so classes
 * that share one application never see each other's plans, products or customers.
 */
public final class PlanFixture {

	/** A plan's monthly schedule: 09:00 on the 1st, so the test clock's start is one month before a fire. */
	public static final String MONTHLY = "0 0 9 1 * ?";

	private static final AtomicInteger next = new AtomicInteger();

	private final Catalog catalog;
	private final Stock stock;
	private final Plans plans;
	private final PlanRecipients recipients;
	private final MongoTemplate mongo;
	private final TestClock clock;

	public PlanFixture(ApplicationContext shop) {
		this.catalog = shop.getBean(Catalog.class);
		this.stock = shop.getBean(Stock.class);
		this.plans = shop.getBean(Plans.class);
		this.recipients = shop.getBean(PlanRecipients.class);
		this.mongo = shop.getBean(MongoTemplate.class);
		this.clock = shop.getBean(TestClock.class);
	}

	/** A product on sale at 10 yuan with this many codes imported. */
	public Sku stocked(int codes) {
		Sku sku = new Sku("PERK-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft(sku.value() + " membership", null, null, 1_000L, null, true, 5, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}

	/**
	 * A plan of one of the product per recipient and period, 12 periods, starting now, named {@code Perks ID}.
	 *
	 * @param people recipient lines; their ids are made the plan's own ({@code webchat:a} becomes
	 *     {@code webchat:PLAN-a}), so the same lines in several plans are the same customers, as in a shop
	 */
	public String plan(Sku sku, String cron, CatchUp catchUp, String... people) {
		String id = "plan-" + next.incrementAndGet();
		plans.save(id, new PlanDraft("Perks " + id, List.of(new Plan.Item(sku.value(), 1)), cron, clock.instant(),
				null, 12, catchUp, null));
		if (people.length > 0) {
			recipients.add(id, String.join("\n", people).replace(":", ":" + id + "-"));
		}
		return id;
	}

	/** Adds {@code count} recipients on the channel ({@code webchat}, {@code telegram}, …) as one list. */
	public List<PlanRecipients.Added> recipients(String plan, String channel, int count) {
		// Telegram user ids are numbers: each call its own million.
		long base = next.incrementAndGet() * 1_000_000L;
		return recipients.add(plan, IntStream.range(0, count)
			.mapToObj(i -> channel + ":" + (channel.equals("telegram") ? String.valueOf(base + i) : plan + "-" + i))
			.collect(Collectors.joining("\n")));
	}

	/** The orders the plan placed, all periods. */
	public List<Order> orders(String plan) {
		return mongo.find(Query.query(where("payment").regex("^benefit:" + plan + ":")), Order.class);
	}

	/** How many issues the plan's period has recorded, in the state ({@code null}: any). */
	public long issues(String plan, String period, IssueState state) {
		Query query = Query.query(where("planId").is(plan).and("period").is(period));
		if (state != null) {
			query.addCriteria(where("state").is(state));
		}
		return mongo.count(query, Issue.class);
	}

	/** The plan's periods as {@code PERIOD STATE ISSUED}, e.g. {@code 2026-04 DONE 2}. */
	public List<String> periods(String plan) {
		return plans.view(plan).periods().stream().map(p -> p.period() + " " + p.state() + " " + p.issued()).toList();
	}
}
