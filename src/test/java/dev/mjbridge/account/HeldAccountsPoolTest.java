package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.testing.Waits;

/**
 * A pool that connects only the accounts it holds (the cluster's leases): it still knows the whole
 * accounts.yml, builds only the held part, takes an account gained as a live edit adds one, lets one
 * no longer held go as a removal does, and drops one whose lease lapsed at once.
 */
class HeldAccountsPoolTest {

    private static final DiscordEndpoints NOWHERE = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "",
            "", "http://127.0.0.1:1");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AccountConnector connector = new AccountConnector(NOWHERE, JsonMapper.builder().build(), scheduler,
            new MessageParser(), RestRetryPolicy.standard(), Backoff.standard());
    private final AtomicReference<Set<String>> held = new AtomicReference<>(Set.of("a1"));
    private final AccountPool pool = new AccountPool(List.of(config("a1"), config("a2"), config("a3")), connector,
            new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
    private final List<String> joined = new ArrayList<>();

    @AfterEach
    void stop() {
        pool.close();
        connector.close();
        scheduler.shutdownNow();
    }

    private void started() {
        pool.connectOnly(held::get);
        pool.whenAccountJoins(account -> joined.add(account.id()));
        pool.build((account, event) -> { });
        pool.connectAll();
    }

    @Test
    void onlyTheHeldAccountsAreBuiltWhileTheWholeFileIsKnown() {
        started();

        assertThat(pool.all()).extracting(Account::id).containsExactly("a1");
        assertThat(pool.configs()).extracting(AccountConfig::id).containsExactly("a1", "a2", "a3");
        assertThat(pool.find("a2")).isEmpty();
    }

    @Test
    void anAccountGainedJoinsAndOneNoLongerHeldLeavesLikeARemoval() {
        started();
        held.set(Set.of("a1", "a2"));

        PoolChanges gained = pool.refreshHeld();

        assertThat(gained.summary().added()).containsExactly("a2");
        assertThat(joined).containsExactly("a2");
        assertThat(pool.all()).extracting(Account::id).containsExactly("a1", "a2");
        assertThat(pool.find("a2").orElseThrow().view().state()).isNotEqualTo(AccountState.DISABLED);

        held.set(Set.of("a2"));
        PoolChanges lost = pool.refreshHeld();

        assertThat(lost.summary().removed()).containsExactly("a1");
        assertThat(pool.all()).extracting(Account::id).containsExactly("a2");
        Waits.await("a1, with no running task, to leave", Duration.ofSeconds(10))
                .until(() -> pool.hasSession("a1"), has -> !has);
    }

    @Test
    void aLeavingAccountHandsItsQueueOver() {
        List<String> handedOver = new ArrayList<>();
        pool.handOverQueuedWorkTo((account, taskIds, successor) -> handedOver.addAll(taskIds));
        started();
        Account a1 = pool.find("a1").orElseThrow();
        for (int i = 0; i < 4; i++) {
            a1.slots().admit("t" + i, () -> { });
        }

        held.set(Set.of());
        pool.refreshHeld();

        assertThat(handedOver).containsExactly("t3");
    }

    @Test
    void aDroppedAccountIsStoppedAndGoneAtOnceAndAnEditOfTheFileDoesNotBringItBack() {
        started();
        Account a1 = pool.find("a1").orElseThrow();
        held.set(Set.of());

        pool.dropNow(Set.of("a1"), "lease lapsed");

        assertThat(pool.hasSession("a1")).isFalse();
        assertThat(pool.find("a1")).isEmpty();
        assertThat(a1.takesWork()).isFalse();
        assertThat(a1.leaving()).isTrue();

        PoolChanges edit = pool.apply(List.of(config("a1"), config("a2"), config("a3"), config("a4")));

        assertThat(edit.summary().added()).as("the file's own diff").containsExactly("a4");
        assertThat(pool.all()).isEmpty();
    }

    @Test
    void withoutAHeldSetEveryAccountIsBuiltAsBefore() {
        pool.build((account, event) -> { });

        assertThat(pool.all()).extracting(Account::id).containsExactly("a1", "a2", "a3");
    }

    private static AccountConfig config(String id) {
        return new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
    }
}
