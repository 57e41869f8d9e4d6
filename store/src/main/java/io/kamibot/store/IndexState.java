package io.kamibot.store;

import org.h2.mvstore.MVMap;

/**
 * What the collection's metadata map remembers of each secondary index: whether it was finished, and whether it
 * ever held an array. Kept in the same store as the index, so it is committed with it.
 */
final class IndexState {

	private final MVMap<String, Object> meta;

	IndexState(MVMap<String, Object> meta) {
		this.meta = meta;
	}

	boolean complete(String index) {
		return Boolean.TRUE.equals(meta.get(key(index, "complete")));
	}

	void markComplete(String index) {
		meta.put(key(index, "complete"), Boolean.TRUE);
	}

	boolean multikey(String index) {
		return Boolean.TRUE.equals(meta.get(key(index, "multikey")));
	}

	void markMultikey(String index) {
		if (!multikey(index)) {
			meta.put(key(index, "multikey"), Boolean.TRUE);
		}
	}

	void forget(String index) {
		meta.remove(key(index, "complete"));
		meta.remove(key(index, "multikey"));
	}

	private static String key(String index, String property) {
		return "index." + index + "." + property;
	}
}
