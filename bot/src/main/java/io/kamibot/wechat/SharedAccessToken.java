package io.kamibot.wechat;

import java.time.Duration;

import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The Official Account's settings with its access token kept in Redis under a Redis lock: every instance uses
 * the one token, instead of each fetching its own and so cutting short the others' (WeChat keeps only the newest
 * valid for long).
 */
final class SharedAccessToken extends WxMpDefaultConfigImpl {

	/** Renewed this long before WeChat says it ends, so no call goes out with a dying token. */
	private static final int MARGIN_SECONDS = 200;

	private final transient RBucket<String> token;

	SharedAccessToken(RedissonClient redis, String appId) {
		this.token = redis.getBucket("kamibot:wechat:access-token:" + appId, StringCodec.INSTANCE);
		setAppId(appId);
		setAccessTokenLock(redis.getLock("kamibot:wechat:access-token-lock:" + appId));
	}

	@Override
	public String getAccessToken() {
		return token.get();
	}

	@Override
	public boolean isAccessTokenExpired() {
		return token.get() == null;
	}

	@Override
	public synchronized void updateAccessToken(WxAccessToken accessToken) {
		updateAccessToken(accessToken.getAccessToken(), accessToken.getExpiresIn());
	}

	@Override
	public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
		token.set(accessToken, Duration.ofSeconds(Math.max(60, expiresInSeconds - MARGIN_SECONDS)));
	}

	@Override
	public void expireAccessToken() {
		token.delete();
	}

	@Override
	public String toString() {
		// The parent prints the secret, the token and the key.
		return "SharedAccessToken[" + getAppId() + "]";
	}
}
