/**
 * The conversation engine: turns one inbound message or button press from any channel into replies, knowing
 * nothing of the platforms. Channels adapt their traffic to {@link io.kamibot.conversation.Inbound} and render
 * {@link io.kamibot.conversation.Reply}; asynchronous messages (a delivery) go out through a
 * {@link io.kamibot.conversation.ChannelOutbox}.
 */
package io.kamibot.conversation;
