package dev.mjbridge.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pacing keys of accounts.yml: defaults that pace nothing, good values, and errors that say where and why. */
class AccountsFilePacingTest {

    private static final String ACCOUNT = """
            accounts:
              - id: first
                guildId: "1100000000000000001"
                channelId: "1100000000000000002"
                userToken: secret-token-first
              - id: paced
                guildId: "1100000000000000001"
                channelId: "1100000000000000003"
                userToken: secret-token-paced
            """;

    private final AccountsFile file = new AccountsFile(name -> null);

    @Test
    void withoutPacingKeysAnAccountIsNotPaced() {
        assertThat(file.parse("accounts.yml", ACCOUNT)).extracting(AccountConfig::pacing)
                .containsOnly(PacingRules.NONE);
        assertThat(PacingRules.NONE.dayStartsAt().toString()).isEqualTo("00:00 UTC");
    }

    @Test
    void everyPacingKeyIsRead() {
        List<AccountConfig> accounts = file.parse("accounts.yml", ACCOUNT + """
                    dailyLimit: 200
                    dayStartsAt: "06:00 Europe/Berlin"
                    minIntervalSeconds: 20
                    intervalJitterSeconds: 15
                    workHours: "08:00-12:30, 22:00-01:00 Europe/Berlin"
                """);
        PacingRules rules = accounts.get(1).pacing();
        assertThat(rules.dailyLimit()).isEqualTo(200);
        assertThat(rules.dayStartsAt()).isEqualTo(new DayStart(LocalTime.of(6, 0), ZoneId.of("Europe/Berlin")));
        assertThat(rules.minInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(rules.intervalJitter()).isEqualTo(Duration.ofSeconds(15));
        assertThat(rules.workHours().ranges()).containsExactly(
                new WorkHours.Range(LocalTime.of(8, 0), LocalTime.of(12, 30)),
                new WorkHours.Range(LocalTime.of(22, 0), LocalTime.of(1, 0)));
        assertThat(rules.workHours().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(accounts.get(0).pacing()).isEqualTo(PacingRules.NONE);
    }

    @Test
    void theExampleFileDocumentsEveryKeyAndItsPacingIsRead() throws Exception {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("accounts.example.yml"));
        for (String key : AccountConfig.KEYS) {
            assertThat(example).as("accounts.example.yml documents '%s'", key).contains(" " + key + ":");
        }
        List<AccountConfig> accounts = new AccountsFile(name -> "token-from-" + name).parse("accounts.example.yml",
                example);
        assertThat(accounts.get(0).pacing()).isEqualTo(PacingRules.NONE);
        assertThat(accounts.get(1).pacing().dailyLimit()).isEqualTo(150);
        assertThat(accounts.get(1).pacing().workHours().toString()).isEqualTo("08:00-23:30 Europe/Berlin");
    }

    @Test
    void emptyWorkHoursMeanAlways() {
        List<AccountConfig> accounts = file.parse("accounts.yml", ACCOUNT + "    workHours: \"\"\n");
        assertThat(accounts.get(1).pacing().workHours().always()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "dailyLimit: -1                    | dailyLimit    | must be between 0 and 1000000, got -1",
            "dailyLimit: many                  | dailyLimit    | must be a whole number, got 'many'",
            "dayStartsAt: \"25:00 UTC\"        | dayStartsAt   | '25:00' is not a time of day",
            "dayStartsAt: \"06:00 Mars/Base\"  | dayStartsAt   | 'Mars/Base' is not a time zone",
            "dayStartsAt: \"06:00\"            | dayStartsAt   | must be a time and a zone like",
            "minIntervalSeconds: -5            | minIntervalSeconds | must be between 0 and 86400, got -5",
            "intervalJitterSeconds: 1.5        | intervalJitterSeconds | must be a whole number, got '1.5'",
            "workHours: \"08:00-23:30\"        | workHours     | must be ranges and a zone like",
            "workHours: \"8-23 UTC\"           | workHours     | '8' is not a time of day",
            "workHours: \"08:00 UTC\"          | workHours     | '08:00' is not a range like 08:00-23:30",
            "workHours: \"08:00-08:00 UTC\"    | workHours     | range '08:00-08:00' is empty",
    })
    void badValuesNameTheFileTheAccountTheKeyAndTheReasonButNoSecret(String line, String key, String reason) {
        assertThatThrownBy(() -> file.parse("accounts.yml", ACCOUNT + "    " + line + "\n"))
                .isInstanceOf(AccountsFileException.class)
                .hasMessageStartingWith("accounts.yml: account #2 (id 'paced'): key '" + key + "' ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("secret-token");
    }
}
