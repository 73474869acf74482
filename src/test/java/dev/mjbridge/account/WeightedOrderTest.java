package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.UserGatewaySession;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.MessageParser;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The WEIGHTED selection order: proportional to weight, every account once, weight 0 last. */
class WeightedOrderTest {

    private static final int DRAWS = 20_000;

    @Test
    void theFirstAccountIsDrawnInProportionToItsWeight() {
        Account heavy = account("heavy", 3);
        Account light = account("light", 1);
        SplittableRandom random = new SplittableRandom(42);
        int heavyFirst = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (AccountSelector.weightedOrder(List.of(light, heavy), random).get(0) == heavy) {
                heavyFirst++;
            }
        }
        // 3 of 4 expected; the seed is fixed, the bounds are ±2 points (about 8 standard deviations).
        assertThat(heavyFirst / (double) DRAWS).isBetween(0.73, 0.77);
    }

    @Test
    void theSecondPlaceIsDrawnAmongTheRemainingWeights() {
        Account a = account("a", 2);
        Account b = account("b", 1);
        Account c = account("c", 1);
        SplittableRandom random = new SplittableRandom(7);
        int bSecondAfterA = 0;
        int aFirst = 0;
        for (int i = 0; i < DRAWS; i++) {
            List<Account> order = AccountSelector.weightedOrder(List.of(a, b, c), random);
            if (order.get(0) == a) {
                aFirst++;
                if (order.get(1) == b) {
                    bSecondAfterA++;
                }
            }
        }
        // After a (2 of 4) is drawn, b and c weigh the same: b is second half the time.
        assertThat(aFirst / (double) DRAWS).isBetween(0.48, 0.52);
        assertThat(bSecondAfterA / (double) aFirst).isBetween(0.47, 0.53);
    }

    @Test
    void everyAccountComesOnceAndWeightZeroComesLastInItsOrder() {
        Account zeroOne = account("zero-1", 0);
        Account some = account("some", 5);
        Account zeroTwo = account("zero-2", 0);
        Account more = account("more", 1);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            List<Account> order = AccountSelector.weightedOrder(List.of(zeroOne, some, zeroTwo, more), random);
            assertThat(order).containsExactlyInAnyOrder(zeroOne, some, zeroTwo, more);
            assertThat(order.subList(2, 4)).containsExactly(zeroOne, zeroTwo);
        }
    }

    private static Account account(String id, int weight) {
        AccountConfig config = new AccountConfig(id, "1", "2", "token-" + id, null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), weight, null, null, null);
        DiscordEndpoints endpoints = new DiscordEndpoints("http://127.0.0.1:1", "ws://127.0.0.1:1", "", "", "");
        return new Account(config, null, listener -> new UserGatewaySession(id, config.credentials(), endpoints,
                JsonMapper.builder().build(), null, null, listener, Backoff.standard()),
                new MessageParser(), (a, e) -> { }, false);
    }
}
