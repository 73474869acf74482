package dev.mjbridge.account;

import java.time.Instant;
import java.time.ZoneId;

/** Why pacing keeps an account from new work now, and until when. */
public sealed interface PacingBlock {

    /** When the account takes new work again. */
    Instant until();

    /** {@link #until()} in the zone the operator configured, e.g. {@code "08:00 Europe/Berlin"}. */
    String untilText();

    /** The account took its {@code dailyLimit} jobs; its day restarts at {@code until}. */
    record DailyLimit(Instant until, ZoneId zone) implements PacingBlock {
        @Override
        public String untilText() {
            return DayStart.ClockText.at(until, zone);
        }
    }

    /** The account is outside its work hours; they open at {@code until}. */
    record OutsideWorkHours(Instant until, ZoneId zone) implements PacingBlock {
        @Override
        public String untilText() {
            return DayStart.ClockText.at(until, zone);
        }
    }
}
