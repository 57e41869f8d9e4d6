package io.kamibot.jobs;

import java.time.Duration;

import org.quartz.JobExecutionContext;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Lets one instance claim a scheduled fire. Triggers are cron expressions, so every instance computes the same
 * scheduled fire time and the first to claim it runs it.
 */
@Component
public class FireOnce {

	private static final Duration KEEP_CLAIMS = Duration.ofHours(6);

	private final RedissonClient redis;

	FireOnce(RedissonClient redis) {
		this.redis = redis;
	}

	public boolean claim(JobExecutionContext context) {
		return claim(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().getTime());
	}

	boolean claim(String job, long scheduledFireTime) {
		return redis.getBucket("kamibot:fire:" + job + ":" + scheduledFireTime).setIfAbsent("1", KEEP_CLAIMS);
	}
}
