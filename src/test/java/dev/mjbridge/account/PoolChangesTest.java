package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PoolChangesTest {

    private static final String GUILD = "1300000000000000001";

    static AccountConfig account(String id) {
        return new AccountConfig(id, GUILD, "1300000000000000211", "token-" + id, null, true, 3, 10, 5,
                SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null, null, null);
    }

    /** A copy of {@code c} with one key changed, in the order of the record. */
    private record Edit(String key, PoolChanges.Kind expected, UnaryOperator<AccountConfig> change) {
        @Override
        public String toString() {
            return key;
        }
    }

    private static AccountConfig with(AccountConfig c, String userToken, String userAgent, String guildId,
                                      String channelId, String proxy, String botToken) {
        return new AccountConfig(c.id(), guildId, channelId, userToken, userAgent, c.enabled(), c.concurrency(),
                c.queueSize(), c.timeoutMinutes(), c.mode(), c.allowModes(), c.remixAutoSubmit(), c.botTypes(), c.weight(),
                c.remark(), botToken, proxy, c.pacing());
    }

    private static AccountConfig scheduling(AccountConfig c, int concurrency, int queueSize, int weight, String remark,
                                            boolean enabled, SpeedMode mode, PacingRules pacing) {
        return new AccountConfig(c.id(), c.guildId(), c.channelId(), c.userToken(), c.userAgent(), enabled, concurrency,
                queueSize, c.timeoutMinutes(), mode, c.allowModes(), c.remixAutoSubmit(), c.botTypes(), weight, remark,
                c.botToken(), c.proxy(), pacing);
    }

    static Stream<Edit> edits() {
        return Stream.of(
                new Edit("concurrency", PoolChanges.Kind.SCHEDULING, c -> scheduling(c, 1, c.queueSize(), c.weight(), c.remark(), true, c.mode(), c.pacing())),
                new Edit("queueSize", PoolChanges.Kind.SCHEDULING, c -> scheduling(c, c.concurrency(), 0, c.weight(), c.remark(), true, c.mode(), c.pacing())),
                new Edit("weight", PoolChanges.Kind.SCHEDULING, c -> scheduling(c, c.concurrency(), c.queueSize(), 7, c.remark(), true, c.mode(), c.pacing())),
                new Edit("remark", PoolChanges.Kind.SCHEDULING, c -> scheduling(c, c.concurrency(), c.queueSize(), c.weight(), "note", true, c.mode(), c.pacing())),
                new Edit("enabled", PoolChanges.Kind.SCHEDULING, c -> scheduling(c, c.concurrency(), c.queueSize(), c.weight(), c.remark(), false, c.mode(), c.pacing())),
                new Edit("mode", PoolChanges.Kind.SCHEDULING, c -> scheduling(c, c.concurrency(), c.queueSize(), c.weight(), c.remark(), true, SpeedMode.RELAX, c.pacing())),
                new Edit("dailyLimit", PoolChanges.Kind.SCHEDULING, c -> scheduling(c, c.concurrency(), c.queueSize(), c.weight(), c.remark(), true, c.mode(),
                        new PacingRules(20, DayStart.MIDNIGHT_UTC, Duration.ZERO, Duration.ZERO, WorkHours.ALWAYS))),
                new Edit("userToken", PoolChanges.Kind.CONNECTION, c -> with(c, "other", c.userAgent(), c.guildId(), c.channelId(), c.proxy(), c.botToken())),
                new Edit("userAgent", PoolChanges.Kind.CONNECTION, c -> with(c, c.userToken(), "Agent/2", c.guildId(), c.channelId(), c.proxy(), c.botToken())),
                new Edit("guildId", PoolChanges.Kind.CONNECTION, c -> with(c, c.userToken(), c.userAgent(), "1300000000000000009", c.channelId(), c.proxy(), c.botToken())),
                new Edit("channelId", PoolChanges.Kind.CONNECTION, c -> with(c, c.userToken(), c.userAgent(), c.guildId(), "1300000000000000999", c.proxy(), c.botToken())),
                new Edit("proxy", PoolChanges.Kind.CONNECTION, c -> with(c, c.userToken(), c.userAgent(), c.guildId(), c.channelId(), "http://127.0.0.1:3128", c.botToken())),
                new Edit("botToken", PoolChanges.Kind.CONNECTION, c -> with(c, c.userToken(), c.userAgent(), c.guildId(), c.channelId(), c.proxy(), "bot")));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void eachKeyIsClassifiedByWhetherTheSessionDependsOnIt(Edit edit) {
        AccountConfig before = account("a");
        AccountConfig after = edit.change().apply(before);
        assertThat(after).isNotEqualTo(before);
        assertThat(PoolChanges.kind(before, after)).isEqualTo(edit.expected());

        PoolChanges changes = PoolChanges.between(List.of(before), List.of(after));
        assertThat(changes.changed()).containsExactly("a");
        assertThat(edit.expected() == PoolChanges.Kind.SCHEDULING ? changes.retuned() : changes.reconnect())
                .containsExactly(after);
        assertThat(changes.added()).isEmpty();
        assertThat(changes.removed()).isEmpty();
    }

    @Test
    void aListIsComparedByIdWhateverTheOrder() {
        AccountConfig a = account("a");
        AccountConfig b = account("b");
        AccountConfig c = account("c");
        AccountConfig bRetuned = scheduling(b, 1, 10, 1, null, true, SpeedMode.FAST, PacingRules.NONE);

        PoolChanges changes = PoolChanges.between(List.of(a, b, c), List.of(account("d"), bRetuned, a));

        assertThat(changes.summary()).isEqualTo(new PoolChanges.Summary(List.of("d"), List.of("c"), List.of("b"), List.of("a")));
        assertThat(changes.isEmpty()).isFalse();
    }

    @Test
    void theSameListChangesNothing() {
        List<AccountConfig> accounts = List.of(account("a"), account("b"));
        PoolChanges changes = PoolChanges.between(accounts, List.of(account("b"), account("a")));
        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.unchanged()).containsExactly("b", "a");
    }

    @Test
    void theSummaryNamesIdsOnly() {
        PoolChanges changes = PoolChanges.between(List.of(), List.of(account("a")));
        assertThat(changes.summary().toString()).doesNotContain("token-a");
    }
}
