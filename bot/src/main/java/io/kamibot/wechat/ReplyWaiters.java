package io.kamibot.wechat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Pushes waiting in this process for their answer. The worker that processes a push offers its answer here; it
 * becomes the passive reply when the push's request is still waiting, else the worker sends it as a
 * customer-service message. Exactly one of the two happens: both sides race on completing one future.
 */
final class ReplyWaiters {

	private final ConcurrentMap<String, CompletableFuture<WeChatMessage.Text>> waiting = new ConcurrentHashMap<>();

	/**
	 * Starts waiting for a push's answer, before the push is handed to the workers so no answer can come too early.
	 *
	 * @return empty when a request for the same push already waits here
	 */
	Optional<CompletableFuture<WeChatMessage.Text>> register(String pushId) {
		CompletableFuture<WeChatMessage.Text> future = new CompletableFuture<>();
		return waiting.putIfAbsent(pushId, future) == null ? Optional.of(future) : Optional.empty();
	}

	/** Stops waiting without an answer (the push turned out to be a repeat). */
	void forget(String pushId, CompletableFuture<WeChatMessage.Text> future) {
		waiting.remove(pushId, future);
	}

	/** @return whether the waiting request will send the answer; {@code false}: the caller must send it */
	boolean answer(String pushId, WeChatMessage.Text text) {
		CompletableFuture<WeChatMessage.Text> future = waiting.get(pushId);
		return future != null && future.complete(text);
	}

	/** The answer will not be a passive reply: let the request answer {@code success} now. */
	void release(String pushId) {
		CompletableFuture<WeChatMessage.Text> future = waiting.get(pushId);
		if (future != null) {
			future.complete(null);
		}
	}

	/**
	 * The passive reply, once the worker offers it or {@code within} has passed (then empty). Holds no thread while
	 * it waits. On time-out the future is completed empty: whoever completes it first wins, so the worker either got
	 * here before, or learns from {@link #answer} that it must send the answer itself.
	 */
	CompletableFuture<Optional<WeChatMessage.Text>> await(String pushId, CompletableFuture<WeChatMessage.Text> future,
			Duration within) {
		return future.completeOnTimeout(null, within.toMillis(), TimeUnit.MILLISECONDS).handle((text, failure) -> {
			waiting.remove(pushId, future);
			return failure == null ? Optional.ofNullable(text) : Optional.empty();
		});
	}
}
