package dev.mjbridge.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** accounts.yml keys {@code remix} and {@code fastTimeReserveMinutes}. */
class AccountsFileSyncKeysTest {

    private static final String ACCOUNT = """
            accounts:
              - id: kept
                guildId: "1100000000000000001"
                channelId: "1100000000000000002"
                userToken: secret-token-kept
            """;

    private final AccountsFile file = new AccountsFile(name -> null);

    @Test
    void leftOutTheSyncKeepsNothing() {
        assertThat(file.parse("accounts.yml", ACCOUNT).get(0).sync()).isEqualTo(SyncRules.NONE);
        assertThat(SyncRules.NONE.remix()).isNull();
        assertThat(SyncRules.NONE.fastTimeReserveMinutes()).isZero();
    }

    @Test
    void bothKeysAreRead() {
        List<AccountConfig> accounts = file.parse("accounts.yml", ACCOUNT + """
                    remix: false
                    fastTimeReserveMinutes: 90
                """);
        SyncRules rules = accounts.get(0).sync();
        assertThat(rules.remix()).isFalse();
        assertThat(rules.fastTimeReserveSeconds()).isEqualTo(5_400);
        assertThat(accounts.get(0).toString()).doesNotContain("secret-token-kept").contains("remix=false");
    }

    @Test
    void theRulesSurviveModeSwitchesAndDisabling() {
        AccountConfig config = file.parse("accounts.yml", ACCOUNT + "    remix: true\n").get(0);
        assertThat(config.withModes(SpeedMode.RELAX, java.util.Set.of(SpeedMode.RELAX)).sync().remix()).isTrue();
        assertThat(config.withEnabled(false).sync().remix()).isTrue();
    }

    @Test
    void badValuesNameTheAccountAndTheKey() {
        assertThatThrownBy(() -> file.parse("accounts.yml", ACCOUNT + "    remix: maybe\n"))
                .hasMessageContaining("account #1 (id 'kept'): key 'remix' must be true or false, got 'maybe'");
        assertThatThrownBy(() -> file.parse("accounts.yml", ACCOUNT + "    fastTimeReserveMinutes: -5\n"))
                .hasMessageContaining("key 'fastTimeReserveMinutes' must be between 0 and 100000, got -5");
    }
}
