package io.kamibot.wechat;

import io.kamibot.inbox.Inbox;
import io.kamibot.inbox.InboxWorkers;
import org.springframework.context.SmartLifecycle;

/** Processes stored pushes on a few threads, one at a time per buyer, in the order they arrived. */
final class WeChatWorkers implements SmartLifecycle {

	private final InboxWorkers workers;

	WeChatWorkers(Inbox inbox, WeChatProcessor processor, WeChatSettings settings) {
		this.workers = new InboxWorkers(inbox, WeChatSettings.CHANNEL, settings.workers(), processor::process);
	}

	void wake() {
		workers.wake();
	}

	@Override
	public void start() {
		workers.start();
	}

	@Override
	public void stop() {
		workers.stop();
	}

	@Override
	public boolean isRunning() {
		return workers.isRunning();
	}
}
