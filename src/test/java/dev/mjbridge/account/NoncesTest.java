package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A cluster instance's nonces carry its slot where a snowflake carries worker and process, so two
 * instances never send one nonce; they still read as snowflakes of now, increasing.
 */
class NoncesTest {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    @Test
    void aClusterInstancesNoncesCarryItsSlotAndKeepIncreasing() {
        Nonces.useInstanceSlot(37);
        Nonces nonces = new Nonces();
        long before = System.currentTimeMillis();
        long previous = 0;
        for (int i = 0; i < 10_000; i++) {
            long nonce = Long.parseLong(nonces.next());
            assertThat(nonce).isGreaterThan(previous);
            assertThat((nonce >>> 12) & 1023).as("the slot bits").isEqualTo(37);
            previous = nonce;
        }
        long millis = (previous >>> 22) + DISCORD_EPOCH;
        // Ten thousand in a burst may borrow a few milliseconds ahead, never more than a second.
        assertThat(millis).isBetween(before, System.currentTimeMillis() + 1_000);
    }

    @Test
    void aSlotOutsideTenBitsIsRefused() {
        assertThatThrownBy(() -> Nonces.useInstanceSlot(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nonces.useInstanceSlot(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
