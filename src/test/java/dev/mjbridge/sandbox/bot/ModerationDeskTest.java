package dev.mjbridge.sandbox.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.BlockDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandbox's moderators: how they word a block, when it ends, soft flags and one-time tokens. */
class ModerationDeskTest {

    private final MutableClock clock = new MutableClock();
    private final ModerationDesk desk = new ModerationDesk(clock);

    @Test
    void blocksAreWordedAsMidjourneyWordsThem() {
        assertThat(ModerationDesk.words(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(ModerationDesk.words(Duration.ofMinutes(30))).isEqualTo("30 minutes");
        assertThat(ModerationDesk.words(Duration.ofHours(36))).isEqualTo("1 day and 12 hours");
        assertThat(ModerationDesk.words(Duration.ofSeconds(90_061))).isEqualTo("1 day, 1 hour, 1 minute and 1 second");
        assertThat(ModerationDesk.words(Duration.ofMillis(2_100))).isEqualTo("3 seconds");
    }

    @Test
    void theBridgeReadsBackEveryWording() {
        for (Duration block : List.of(Duration.ofSeconds(3), Duration.ofMinutes(45), Duration.ofHours(2),
                Duration.ofDays(2), Duration.ofSeconds(90_061))) {
            assertThat(BlockDuration.in(ModerationRefusals.timedBlock(block))).contains(block);
        }
    }

    @Test
    void aTimedBlockEndsOnceItsTimeHasCome() {
        desk.blockFor("u", Duration.ofMinutes(10));
        assertThat(desk.blockOver("u")).isFalse();
        assertThat(desk.blockLeft("u")).contains(Duration.ofMinutes(10));

        clock.advance(Duration.ofMinutes(10));

        assertThat(desk.blockOver("u")).isTrue();
        assertThat(desk.blockLeft("u")).isEmpty();
        assertThat(desk.blockOver("u")).as("told once").isFalse();
    }

    @Test
    void softFlagWordsMatchWholeWordsInAnyCase() {
        desk.configure(Optional.of(List.of("Lantern")), Optional.empty());

        assertThat(desk.softFlagged("A red LANTERN at dusk")).contains("lantern");
        assertThat(desk.softFlagged("lanterns")).isEmpty();
        assertThat(desk.settings().appealsAccepted()).isTrue();
    }

    @Test
    void aTokenWorksOnceAndOnlyForItsUser() {
        String token = desk.ticket(new ModerationDesk.AcknowledgeTicket("u"));

        assertThat(desk.redeem(token, "someone else")).isEmpty();
        assertThat(desk.redeem(token, "u")).contains(new ModerationDesk.AcknowledgeTicket("u"));
        assertThat(desk.redeem(token, "u")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
