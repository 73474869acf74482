package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.bot.UserState;

import java.util.List;

/**
 * A Discord user as the control API shows it. There is deliberately no token here.
 *
 * @param midjourney what the simulated Midjourney knows of the user (null for bots)
 */
public record KnownUser(String id, String username, boolean bot, List<String> guildIds, List<String> channelIds,
                        int liveGatewaySessions, UserState midjourney) {
}
