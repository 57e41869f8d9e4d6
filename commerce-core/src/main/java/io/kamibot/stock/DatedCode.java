package io.kamibot.stock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.kamibot.vault.Sealed;
import io.kamibot.vault.Vault;
import org.bson.Document;
import org.bson.types.Binary;

import static io.kamibot.stock.StockItems.*;

/**
 * A code with the last day it may be sold, for files handed to resellers.
 *
 * @param lastDay the code's last day in the shop's time zone, or {@code null} when it never expires
 */
public record DatedCode(String code, LocalDate lastDay) {

	/** Pages of codes read for one order at the most: more than the largest bulk order has. */
	private static final int MAX_PAGES = 100;

	/**
	 * See {@link Stock#revealDated(String)}. Read {@link Shelf#CODES_PER_WRITE} slots at a time: the database holds
	 * every document a query matches until it answers, and 100,000 codes in one ran the embedded default's 192 MB
	 * heap out. An order's slots are 0 to its quantity less one, so a page short of full is the last.
	 */
	static List<DatedCode> readAll(MongoCollection<Document> items, Vault vault, ZoneId zone, String orderNo) {
		List<DatedCode> codes = new ArrayList<>();
		for (int page = 0; page < MAX_PAGES; page++) {
			int before = codes.size();
			int from = page * Shelf.CODES_PER_WRITE;
			items.find(Filters.and(Filters.eq(ORDER, orderNo), Filters.eq(STATUS, StockStatus.SOLD.name()),
					Filters.gte(SLOT, from), Filters.lt(SLOT, from + Shelf.CODES_PER_WRITE)))
				.sort(Sorts.ascending(SLOT))
				.projection(Projections.include(KEY_ID, CIPHER, EXPIRES_AT))
				.forEach(d -> codes.add(new DatedCode(vault.open(new Sealed(d.getString(KEY_ID),
						d.get(CIPHER, Binary.class).getData())), lastDay(d.getDate(EXPIRES_AT), zone))));
			if (codes.size() - before < Shelf.CODES_PER_WRITE) {
				break;
			}
		}
		return codes;
	}

	/** Codes expire at the start of the day after their last one. */
	private static LocalDate lastDay(Date expiresAt, ZoneId zone) {
		return expiresAt == null ? null : expiresAt.toInstant().atZone(zone).toLocalDate().minusDays(1);
	}

	@Override
	public String toString() {
		return "DatedCode[" + lastDay + "]";
	}
}
