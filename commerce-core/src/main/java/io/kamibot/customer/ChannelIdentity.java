package io.kamibot.customer;

import java.util.regex.Pattern;

/**
 * Who someone is on one channel.
 *
 * @param channel the channel's name: {@code webchat}, {@code telegram}, {@code wechat}
 * @param userId the user's id on that channel
 */
public record ChannelIdentity(String channel, String userId) {

	private static final Pattern CHANNEL = Pattern.compile("[a-z]{1,16}");

	public ChannelIdentity {
		if (channel == null || !CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("Invalid channel name: " + channel);
		}
		if (userId == null || userId.isEmpty() || userId.length() > 128) {
			throw new IllegalArgumentException("A user id has 1-128 characters");
		}
	}

	@Override
	public String toString() {
		return channel + ":" + userId;
	}
}
