package dev.mjbridge.account;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MjEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finished fast jobs of the account count against its fast time; below its reserve an account
 * without relax is held back from fast work until a sync shows more.
 */
class AccountSyncTest {

    private static final String CHANNEL = "1100000000000000002";
    private static final AccountSelector.Need ANY_MJ =
            new AccountSelector.Need(BotType.MID_JOURNEY, null, null, AccountFilter.NONE, null);

    private final Account account = account();
    private final AccountSync sync = account.sync();
    private final FastTimeGuard guard = new FastTimeGuard(null); // the hold path sends nothing
    private final AccountSelector selector = new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE);

    @Test
    void onlyTheAccountsOwnFastResultsCountAndEachOnce() {
        sync.fastTime().synced(10_000);

        assertThat(sync.claims(account, finished("m1", "fast", CHANNEL))).as("results go on to the tasks").isFalse();
        sync.claims(account, finished("m1", "fast", CHANNEL)); // an edit of the same result
        sync.claims(account, finished("m2", "relaxed", CHANNEL));
        sync.claims(account, finished("m3", "fast", "1100000000000000999")); // another channel
        sync.claims(account, finished("m4", "turbo, stealth", CHANNEL));

        assertThat(sync.fastTime().remainingSeconds()).isEqualTo(10_000 - 60 - 2 * 60);
        assertThat(sync.takeFastTimeChanged()).isTrue();
        assertThat(sync.takeFastTimeChanged()).isFalse();
    }

    @Test
    void belowTheReserveWithoutRelaxTheAccountTakesNoFastWorkUntilASyncShowsMore() {
        sync.fastTime().synced(3_650);
        guard.check(account, true);
        assertThat(selector.eligible(List.of(account), ANY_MJ)).containsExactly(account);

        sync.claims(account, finished("m1", "fast", CHANNEL));
        guard.check(account, false);

        assertThat(sync.fastWorkHeld()).isTrue();
        assertThat(account.health().state()).isEqualTo(AccountState.DEGRADED);
        assertThat(account.health().reason()).contains("fast time 59.8 min is below its reserve of 60.0 min");
        assertThat(selector.eligible(List.of(account), ANY_MJ)).isEmpty();

        sync.fastTime().synced(4_000);
        guard.check(account, false);
        assertThat(sync.fastWorkHeld()).as("only a sync brings fast back").isTrue();
        guard.check(account, true);
        assertThat(sync.fastWorkHeld()).isFalse();
        assertThat(account.health().state()).isEqualTo(AccountState.READY);
        assertThat(selector.eligible(List.of(account), ANY_MJ)).containsExactly(account);
    }

    private static MjEvent.JobFinished finished(String messageId, String mode, String channel) {
        Correlation keys = new Correlation(null, null, messageId, null, null, "a cat", null, channel,
                "1100000000000000001", BotType.MID_JOURNEY);
        return new MjEvent.JobFinished(keys, JobKind.IMAGINE, "", 0, messageId, null, "https://cdn/x.png", null,
                "x.png", 1024, 1024, List.of(), 0, mode, "**a cat** - <@1> (" + mode + ")");
    }

    private static Account account() {
        AccountConfig config = new AccountConfig("held", "1100000000000000001", CHANNEL, "token-held", null, true, 3,
                10, 5, SpeedMode.FAST, EnumSet.of(SpeedMode.FAST, SpeedMode.TURBO), true, EnumSet.of(BotType.MID_JOURNEY),
                1, null, null, null, PacingRules.NONE, ModerationKeys.DEFAULTS, new SyncRules(null, 60));
        DiscordEndpoints endpoints = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "", "");
        Account account = new Account(config, null, listener -> new UserGatewaySession("held", config.credentials(),
                endpoints, JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false);
        account.degrade("takes work without a session in this test");
        return account;
    }
}
