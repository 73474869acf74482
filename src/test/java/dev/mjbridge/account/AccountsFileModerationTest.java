package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The moderation recovery keys of accounts.yml: defaults, values, and errors naming account and key. */
class AccountsFileModerationTest {

    private static final String ACCOUNTS = """
            accounts:
              - id: plain
                guildId: "1100000000000000001"
                channelId: "1100000000000000002"
                userToken: secret-token-plain
              - id: keyed
                guildId: "1100000000000000001"
                channelId: "1100000000000000003"
                userToken: secret-token-keyed
            """;

    private final AccountsFile file = new AccountsFile(name -> null);

    @Test
    void byDefaultAnAccountAcknowledgesButLeavesTheTermsToItsOwner() {
        AccountConfig plain = file.parse("accounts.yml", ACCOUNTS).get(0);

        assertThat(plain.moderation()).isEqualTo(ModerationKeys.DEFAULTS);
        assertThat(plain.moderation().autoAcknowledge()).isTrue();
        assertThat(plain.moderation().autoAcceptTos()).isFalse();
    }

    @Test
    void bothKeysAreRead() {
        List<AccountConfig> accounts = file.parse("accounts.yml", ACCOUNTS + """
                    autoAcknowledge: false
                    autoAcceptTos: yes
                """);

        assertThat(accounts.get(1).moderation()).isEqualTo(new ModerationKeys(false, true));
        assertThat(accounts.get(0).moderation()).isEqualTo(ModerationKeys.DEFAULTS);
        // Kept when the account changes at run time (disabled, relax only).
        assertThat(accounts.get(1).withEnabled(false).moderation()).isEqualTo(new ModerationKeys(false, true));
    }

    @Test
    void aValueThatIsNoBooleanNamesAccountAndKey() {
        assertThatThrownBy(() -> file.parse("accounts.yml", ACCOUNTS + """
                    autoAcceptTos: sometimes
                """))
                .hasMessageContaining("keyed").hasMessageContaining("autoAcceptTos")
                .hasMessageContaining("must be true or false");
    }
}
