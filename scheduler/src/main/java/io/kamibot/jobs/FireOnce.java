package io.kamibot.jobs;

import java.time.Duration;

import org.quartz.JobExecutionContext;
import org.redisson.api.RLock;
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

	/**
	 * Runs the work for a scheduled fire on one instance: the first to claim the fire runs it, holding the job's
	 * Redisson lock so that a slow run is not overtaken by the next fire on another instance.
	 *
	 * @return whether this call ran the work
	 */
	public boolean run(JobExecutionContext context, Runnable work) {
		return run(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().getTime(), work);
	}

	boolean run(String job, long scheduledFireTime, Runnable work) {
		RLock lock = redis.getLock("kamibot:job:" + job);
		if (!lock.tryLock()) {
			return false;
		}
		try {
			if (!claim(job, scheduledFireTime)) {
				return false;
			}
			work.run();
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	boolean claim(String job, long scheduledFireTime) {
		return redis.getBucket("kamibot:fire:" + job + ":" + scheduledFireTime).setIfAbsent("1", KEEP_CLAIMS);
	}
}
