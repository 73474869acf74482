package dev.mjbridge.account;

/**
 * An account's pacing as {@code GET /mj/account/list} shows it.
 *
 * @param today        jobs taken since the day started (in memory: a restart counts from 0)
 * @param dailyLimit   0 = no limit
 * @param nextSendAt   earliest next send (epoch ms), or null before the first send
 * @param inWorkHours  whether the account takes new work at this hour
 */
public record PacingUsage(int today, int dailyLimit, Long nextSendAt, boolean inWorkHours) {
}
