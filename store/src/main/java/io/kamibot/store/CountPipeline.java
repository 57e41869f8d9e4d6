package io.kamibot.store;

import java.util.List;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Recognises the pipeline the MongoDB drivers send for {@code countDocuments} ({@code $match}, optional
 * {@code $skip} and {@code $limit}, then a {@code $group} that sums 1) and answers it with the collection's count,
 * which its indexes can answer; the server's general aggregation would read every document.
 */
final class CountPipeline {

	private CountPipeline() {
	}

	/** The count answer, or null when the command is any other aggregation. */
	static Document answer(Document command, Function<String, MongoCollection<Object>> collections,
			String namespace) {
		if (command.containsKey("collation") || !(command.get("pipeline") instanceof List<?> stages)
				|| stages.size() < 2 || !isCountGroup(stages.get(stages.size() - 1))) {
			return null;
		}
		Document filter = new Document();
		int skip = 0;
		int limit = 0;
		for (int i = 0; i < stages.size() - 1; i++) {
			if (!(stages.get(i) instanceof Document stage) || stage.size() != 1) {
				return null;
			}
			Object argument = stage.values().iterator().next();
			switch (stage.keySet().iterator().next()) {
				case "$match" -> {
					if (i != 0 || !(argument instanceof Document match)) {
						return null;
					}
					filter = match;
				}
				case "$skip" -> {
					if (!(argument instanceof Number n) || limit != 0) {
						return null;
					}
					skip = n.intValue();
				}
				case "$limit" -> {
					if (!(argument instanceof Number n)) {
						return null;
					}
					limit = n.intValue();
				}
				default -> {
					return null;
				}
			}
		}
		MongoCollection<Object> collection = collections.apply(String.valueOf(command.get("aggregate")));
		int count = collection == null ? 0 : collection.count(filter, skip, limit);
		List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
		Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", batch);
		Document response = new Document("cursor", cursor);
		Utils.markOkay(response);
		return response;
	}

	private static boolean isCountGroup(Object stage) {
		if (!(stage instanceof Document document) || document.size() != 1
				|| !(document.get("$group") instanceof Document group) || group.size() != 2) {
			return false;
		}
		return group.get("_id") instanceof Number && group.get("n") instanceof Document sum && sum.size() == 1
				&& sum.get("$sum") instanceof Number one && one.intValue() == 1;
	}
}
