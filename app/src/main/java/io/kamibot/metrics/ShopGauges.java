package io.kamibot.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.kamibot.alerts.Alerts;
import io.kamibot.alerts.Alerts.DeliveryCounts;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.Product;
import io.kamibot.inbox.Inbox;
import io.kamibot.stock.Stock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gauges that need a count: sellable codes per SKU ({@code kamibot_stock_available{sku}}), alert deliveries waiting
 * or failed for good ({@code kamibot_alert_deliveries{state}}) and channel updates not processed yet
 * ({@code kamibot_inbox_pending{channel}}). One thread counts them every {@code kamibot.metrics.refresh} through
 * the same indexed counts the catalog and the admin feed use; a scrape reads the last counts and never queries.
 */
@Component
@EnableConfigurationProperties(MetricsSettings.class)
class ShopGauges implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShopGauges.class);
	/** The channels that store their traffic in the inbox (the web chat answers in its request). */
	private static final List<String> INBOX_CHANNELS = List.of("telegram", "wechat");

	private final MeterRegistry registry;
	private final Catalog catalog;
	private final Stock stock;
	private final Alerts alerts;
	private final Inbox inbox;
	private final MetricsSettings settings;
	private final Map<String, AtomicLong> available = new ConcurrentHashMap<>();
	private final AtomicLong alertsPending = new AtomicLong();
	private final AtomicLong alertsFailed = new AtomicLong();
	private final Map<String, AtomicLong> inboxPending = new ConcurrentHashMap<>();
	private volatile ScheduledExecutorService counter;

	ShopGauges(MeterRegistry registry, Catalog catalog, Stock stock, Alerts alerts, Inbox inbox,
			MetricsSettings settings) {
		this.registry = registry;
		this.catalog = catalog;
		this.stock = stock;
		this.alerts = alerts;
		this.inbox = inbox;
		this.settings = settings;
		gauge("kamibot.alert.deliveries", "Alert deliveries by state: waiting to be sent, or failed for good",
				alertsPending, "state", "pending");
		gauge("kamibot.alert.deliveries", "Alert deliveries by state: waiting to be sent, or failed for good",
				alertsFailed, "state", "failed");
		for (String channel : INBOX_CHANNELS) {
			inboxPending.put(channel, gauge("kamibot.inbox.pending", "Channel updates stored but not processed yet",
					new AtomicLong(), "channel", channel));
		}
	}

	private AtomicLong gauge(String name, String description, AtomicLong value, String tag, String tagValue) {
		Gauge.builder(name, value, AtomicLong::get).description(description).tag(tag, tagValue).register(registry);
		return value;
	}

	/** Counts everything once; a count that fails keeps the last value until the next round. */
	void refresh() {
		try {
			for (Product product : catalog.all()) {
				String sku = product.sku();
				available
					.computeIfAbsent(sku, s -> gauge("kamibot.stock.available", "Codes of the SKU that may still be sold",
							new AtomicLong(), "sku", s))
					.set(stock.available(product.id()));
			}
			DeliveryCounts deliveries = alerts.deliveryCounts();
			alertsPending.set(deliveries.pending());
			alertsFailed.set(deliveries.failed());
			inboxPending.forEach((channel, pending) -> pending.set(inbox.pending(channel)));
		}
		catch (RuntimeException e) {
			log.warn("Counting stock, alerts and inbox for the metrics failed: {}", e.toString());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "metrics-counts");
			thread.setDaemon(true);
			return thread;
		});
		long every = settings.refresh().toMillis();
		executor.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
		counter = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = counter;
		counter = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return counter != null;
	}
}
