package dev.mjbridge.account;

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

/** Selection passes over accounts whose pacing holds them back, and takes them again when it lets go. */
class AccountSelectorPacingTest {

    private static final AccountSelector.Need ANY_MJ =
            new AccountSelector.Need(BotType.MID_JOURNEY, null, null, AccountFilter.NONE, null);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-29T09:00:00Z"));
    private final AccountSelector selector = new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE);

    @Test
    void anAccountAtItsDailyLimitIsPassedOverUntilItsDayRestarts() {
        Account limited = account("a-limited", rules(1, ""));
        Account free = account("b-free", PacingRules.NONE);
        List<Account> pool = List.of(limited, free);
        assertThat(selector.rank(pool, ANY_MJ).get(0)).isSameAs(limited);

        limited.pacing().countJob();
        assertThat(selector.rank(pool, ANY_MJ)).containsExactly(free);
        assertThat(selector.eligible(pool, ANY_MJ)).as("still eligible: it is paced, not unfit")
                .containsExactly(limited, free);

        clock.set(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(selector.rank(pool, ANY_MJ)).containsExactly(limited, free);
    }

    @Test
    void anAccountOutsideItsWorkHoursIsPassedOverUntilTheyStart() {
        Account night = account("night", rules(0, "22:00-06:00 UTC"));
        assertThat(selector.rank(List.of(night), ANY_MJ)).isEmpty();
        clock.set(Instant.parse("2026-11-29T22:00:00Z"));
        assertThat(selector.rank(List.of(night), ANY_MJ)).containsExactly(night);
    }

    private PacingRules rules(int dailyLimit, String workHours) {
        return new PacingRules(dailyLimit, DayStart.MIDNIGHT_UTC, Duration.ZERO, Duration.ZERO,
                WorkHours.parse(workHours));
    }

    private Account account(String id, PacingRules rules) {
        AccountConfig config = new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null, rules);
        DiscordEndpoints endpoints = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "", "");
        Account account = new Account(config, null, listener -> new UserGatewaySession(id, config.credentials(),
                endpoints, JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false, AccountObservers.countingOnly(),
                new Pacing(rules, clock, new SplittableRandom(1)));
        account.degrade("takes work without a session in this test");
        return account;
    }
}
