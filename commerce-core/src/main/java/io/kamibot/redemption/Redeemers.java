package io.kamibot.redemption;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.catalog.Sku;
import io.kamibot.vault.SigningKey;
import io.kamibot.vault.Vault;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Redeemers: creating and changing them, their signing keys and their staff chats. */
@Service
public class Redeemers {

	private final MongoTemplate mongo;
	private final Catalog catalog;
	private final Vault vault;
	private final Clock clock;

	Redeemers(MongoTemplate mongo, Catalog catalog, Vault vault, Clock clock) {
		this.mongo = mongo;
		this.catalog = catalog;
		this.vault = vault;
		this.clock = clock;
	}

	/**
	 * Creates the redeemer or changes the fields the draft names.
	 *
	 * @throws IllegalArgumentException for a new redeemer without a name, or a SKU that is not an own product
	 */
	public Redeemer save(String id, RedeemerDraft draft) {
		Instant now = clock.instant();
		Redeemer current = mongo.findById(id, Redeemer.class);
		List<String> skus = draft.skus() != null ? checked(draft.skus()) : current == null ? List.of() : current.skus();
		Redeemer next = current == null
				? new Redeemer(id, draft.name(), skus, null, null, List.of(), now, now)
				: new Redeemer(id, draft.name() != null ? draft.name() : current.name(), skus, current.keyId(),
						current.secret(), current.staffChats(), current.createdAt(), now);
		return mongo.save(next);
	}

	public Optional<Redeemer> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Redeemer.class));
	}

	public Redeemer get(String id) {
		return find(id).orElseThrow(() -> new UnknownRedeemer(id));
	}

	public List<Redeemer> all() {
		return mongo.find(new Query().with(Sort.by("_id")), Redeemer.class);
	}

	/** Issues a new signing key; the one before stops working. The secret is in the answer and nowhere else in clear. */
	public RedeemerKey issueKey(String id) {
		get(id);
		SigningKey key = vault.newSigningKey("kr_");
		mongo.updateFirst(Query.query(where("_id").is(id)),
				new Update().set("keyId", key.keyId()).set("secret", key.sealed()).set("updatedAt", clock.instant()),
				Redeemer.class);
		return new RedeemerKey(key.keyId(), key.secret());
	}

	/** The redeemer holding a signing key, with the key's secret opened to check a signature. */
	public Optional<KeyHolder> byKey(String keyId) {
		return Optional.ofNullable(mongo.findOne(Query.query(where("keyId").is(keyId)), Redeemer.class))
			.map(r -> new KeyHolder(r, vault.open(r.secret())));
	}

	/**
	 * Makes a chat the redeemer's staff chat, where {@code /redeem} redeems for it. A chat serves one redeemer: it
	 * leaves any other's staff chats.
	 */
	public Redeemer addStaffChat(String id, String chat) {
		get(id);
		mongo.updateMulti(Query.query(where("staffChats").is(chat).and("_id").ne(id)),
				new Update().pull("staffChats", chat), Redeemer.class);
		mongo.updateFirst(Query.query(where("_id").is(id)),
				new Update().addToSet("staffChats", chat).set("updatedAt", clock.instant()), Redeemer.class);
		return get(id);
	}

	/** The redeemer whose staff chat this is. */
	public Optional<Redeemer> byStaffChat(String chat) {
		return Optional.ofNullable(mongo.findOne(Query.query(where("staffChats").is(chat)), Redeemer.class));
	}

	private List<String> checked(List<String> skus) {
		for (String sku : skus) {
			Product product = catalog.get(new Sku(sku));
			if (!product.ownVoucher()) {
				throw new IllegalArgumentException("Product " + sku + " is not an own voucher (issuer SHOP)");
			}
		}
		return List.copyOf(skus);
	}


	/** A redeemer found by signing key, with the key's secret. */
	public record KeyHolder(Redeemer redeemer, String secret) {

		@Override
		public String toString() {
			return "KeyHolder[" + redeemer.id() + "]";
		}
	}
}
