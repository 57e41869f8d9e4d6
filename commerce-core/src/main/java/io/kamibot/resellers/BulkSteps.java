package io.kamibot.resellers;

import java.time.Clock;
import java.util.List;

import io.kamibot.delivery.CodesShown;
import io.kamibot.delivery.Deliveries;
import io.kamibot.events.DomainEvents;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.PrepaidOrders;
import io.kamibot.pricing.Pricing;
import io.kamibot.stock.DatedCode;
import io.kamibot.stock.Stock;
import io.kamibot.wallet.EntryKind;
import io.kamibot.wallet.InsufficientBalance;
import io.kamibot.wallet.LedgerEntry;
import io.kamibot.wallet.Wallets;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The steps of a bulk order, each safe to repeat: reserve the codes (the order under its chosen number), debit the
 * wallet under the order's number (the point of no return), pay and deliver the order, credit the parent's
 * commission, mark it done. Before the debit a failure undoes everything; after it, the order is finished.
 */
@Component
class BulkSteps {

	private final MongoTemplate mongo;
	private final PrepaidOrders prepaid;
	private final Wallets wallets;
	private final ResellerWallets resellerWallets;
	private final Deliveries deliveries;
	private final Stock stock;
	private final DomainEvents events;
	private final Commissions commissions;
	private final Clock clock;

	BulkSteps(MongoTemplate mongo, PrepaidOrders prepaid, Wallets wallets, ResellerWallets resellerWallets,
			Deliveries deliveries, Stock stock, DomainEvents events, Resellers resellers, Pricing pricing,
			Clock clock) {
		this.mongo = mongo;
		this.prepaid = prepaid;
		this.wallets = wallets;
		this.resellerWallets = resellerWallets;
		this.deliveries = deliveries;
		this.stock = stock;
		this.events = events;
		this.commissions = new Commissions(resellers, pricing, wallets);
		this.clock = clock;
	}

	/** Takes a recorded bulk order as far as it goes: done, or undone with the failure thrown. */
	void run(BulkOrder bulk, Reseller reseller) {
		Order order;
		try {
			order = prepaid.place(bulk.orderNo(), reseller.customerId(), bulk.productSku(), bulk.quantity(),
					bulk.amountFen());
		}
		catch (RuntimeException e) {
			forget(bulk);
			throw e;
		}
		LedgerEntry debit;
		try {
			debit = wallets.post(reseller.walletId(), bulk.debitRef(), EntryKind.ORDER, -bulk.amountFen(),
					"bulk " + bulk.ref() + ": " + bulk.quantity() + " × " + bulk.sku());
		}
		catch (InsufficientBalance e) {
			prepaid.cancel(order);
			forget(bulk);
			throw e;
		}
		finish(bulk, reseller, debit);
	}

	/** Everything after the debit: pays, delivers, credits commission, marks it done. */
	void finish(BulkOrder bulk, Reseller reseller, LedgerEntry debit) {
		// Paid without OrderPaid: delivery's listener would race this call for the same 10,000 codes, and the loser
		// read them all back to find them sold. A crash before the delivery below is finished by recover().
		Order order = prepaid.find(bulk.orderNo())
			.map(placed -> prepaid.payToDeliver(placed, "wallet:" + debit.id())
				.orElseGet(() -> prepaid.find(placed.orderNo()).orElseThrow()))
			.orElse(null);
		if (order == null || !order.status().awaitsDelivery() && order.status() != OrderStatus.DELIVERED) {
			// Cancelled under us (a recovery sweep undid it while this debit was on its way): the money goes back.
			wallets.post(reseller.walletId(), "refund:" + bulk.orderNo(), EntryKind.REFUND, bulk.amountFen(),
					"bulk " + bulk.ref() + " could not be completed");
			forget(bulk);
			throw new IllegalStateException("Bulk order " + bulk.orderNo() + " was undone; its debit was refunded");
		}
		if (order.status().awaitsDelivery()) {
			deliveries.fulfil(order);
		}
		// The codes go out as a file or an API answer, never as a chat message: nothing is waiting to be sent.
		deliveries.markNotified(order.orderNo());
		commissions.credit(reseller, bulk);
		resellerWallets.watch(reseller, debit);
		mongo.updateFirst(Query.query(where("_id").is(bulk.id()).and("state").is(BulkState.PLACING)),
				new Update().set("state", BulkState.DONE).set("doneAt", clock.instant()), BulkOrder.class);
	}

	/**
	 * Undoes a bulk order its placer abandoned before the debit: withdraws a debit not taken, cancels the order.
	 * Finishes it instead when the debit was taken.
	 */
	void undoOrFinish(BulkOrder bulk, Reseller reseller) {
		if (!wallets.withdrawPending(reseller.walletId(), bulk.debitRef())) {
			LedgerEntry debit = wallets.entry(reseller.walletId(), bulk.debitRef()).orElse(null);
			if (debit != null && debit.applied()) {
				finish(bulk, reseller, debit);
				return;
			}
		}
		prepaid.find(bulk.orderNo()).ifPresent(prepaid::cancel);
		// A placer still at work may have had its debit taken meanwhile: then it finds the order cancelled and refunds.
		forget(bulk);
	}

	/** The order's codes, recorded as shown to the reseller on a channel. */
	List<DatedCode> codes(BulkOrder bulk, String channel) {
		List<DatedCode> codes = stock.revealDated(bulk.orderNo());
		events.publish(new CodesShown(bulk.orderNo(), "reseller:" + bulk.resellerId(), channel, codes.size()));
		return codes;
	}

	private void forget(BulkOrder bulk) {
		mongo.remove(Query.query(where("_id").is(bulk.id()).and("state").is(BulkState.PLACING)), BulkOrder.class);
	}
}
