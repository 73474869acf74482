package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountView;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BotType;

/** An account whose holder did not answer is listed with the same fields as any other, never its token. */
class ClusterAccountsTest {

    @Test
    void anAccountOfAnInstanceThatDidNotAnswerHasTheFieldsOfAnAccountViewAndStateUnknown() {
        AccountConfig config = new AccountConfig("far", "1", "2", "token-far", null, true, 3, 10, 5, SpeedMode.FAST,
                EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, "remote", null, null);

        Map<String, Object> shown = ClusterAccounts.unknown(config, "held by another instance: it did not answer");

        assertThat(shown.keySet()).containsExactlyElementsOf(
                Arrays.stream(AccountView.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(shown).containsEntry("id", "far").containsEntry("state", "UNKNOWN")
                .containsEntry("stateReason", "held by another instance: it did not answer")
                .containsEntry("concurrency", 3).containsEntry("remark", "remote");
        assertThat(shown.values()).doesNotContain("token-far");
    }
}
