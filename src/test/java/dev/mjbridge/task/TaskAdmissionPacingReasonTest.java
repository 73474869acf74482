package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountObservers;
import dev.mjbridge.account.DayStart;
import dev.mjbridge.account.MovingClock;
import dev.mjbridge.account.Pacing;
import dev.mjbridge.account.PacingRules;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.account.WorkHours;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.MessageParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason of a refusal (code 23) when pacing holds every eligible account back, naming when work resumes. */
class TaskAdmissionPacingReasonTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-29T23:00:00Z"));

    @Test
    void allAtTheirDailyLimitNamesTheEarliestDayStart() {
        Account utc = account("utc", 1, "00:00 UTC", "");
        Account berlin = account("berlin", 1, "06:00 Europe/Berlin", "");
        utc.pacing().countJob();
        berlin.pacing().countJob();
        assertThat(PacingRefusal.reason(List.of(berlin, utc))).contains("all accounts at their daily limit until 00:00 UTC");
    }

    @Test
    void noneInItsWorkHoursNamesTheEarliestOpening() {
        Account early = account("early", 0, "00:00 UTC", "08:00-20:00 Europe/Berlin");
        Account late = account("late", 0, "00:00 UTC", "10:00-20:00 UTC");
        assertThat(PacingRefusal.reason(List.of(late, early)))
                .contains("no account in its work hours until 08:00 Europe/Berlin");
    }

    @Test
    void mixedReasonsNameTheFirstToTakeWorkAgain() {
        Account limited = account("limited", 1, "00:00 UTC", "");
        limited.pacing().countJob();
        Account closed = account("closed", 0, "00:00 UTC", "08:00-20:00 UTC");
        assertThat(PacingRefusal.reason(List.of(closed, limited))).contains("every account is at its daily limit or "
                + "outside its work hours; the first takes work again at 00:00 UTC");
    }

    @Test
    void anAccountNotHeldBackByPacingMeansPacingIsNotTheReason() {
        Account limited = account("limited", 1, "00:00 UTC", "");
        limited.pacing().countJob();
        assertThat(PacingRefusal.reason(List.of(limited, account("free", 0, "00:00 UTC", "")))).isEmpty();
    }

    private Account account(String id, int dailyLimit, String dayStart, String workHours) {
        PacingRules rules = new PacingRules(dailyLimit, DayStart.parse(dayStart), Duration.ZERO, Duration.ZERO,
                WorkHours.parse(workHours));
        AccountConfig config = new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null, rules);
        DiscordEndpoints endpoints = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "", "");
        return new Account(config, null, listener -> new UserGatewaySession(id, config.credentials(), endpoints,
                JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false, AccountObservers.countingOnly(),
                new Pacing(rules, clock, new SplittableRandom(1)));
    }
}
