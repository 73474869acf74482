package dev.mjbridge.account;

import java.time.Duration;

/**
 * How an account paces its sends so that it does not look like a bot: the pacing keys of
 * accounts.yml. {@link #NONE} paces nothing.
 *
 * @param dailyLimit     jobs an account takes per day; 0 = no limit
 * @param dayStartsAt    when the day's count restarts
 * @param minInterval    least time between two sends from the account
 * @param intervalJitter a random extra from zero to this added to each interval
 * @param workHours      when the account takes new work
 */
public record PacingRules(int dailyLimit, DayStart dayStartsAt, Duration minInterval, Duration intervalJitter,
                          WorkHours workHours) {

    public static final PacingRules NONE = new PacingRules(0, DayStart.MIDNIGHT_UTC, Duration.ZERO, Duration.ZERO,
            WorkHours.ALWAYS);

    public boolean limitsDays() {
        return dailyLimit > 0;
    }
}
