package dev.mjbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.api.AdminProperties;
import dev.mjbridge.api.ApiProperties;
import dev.mjbridge.midjourney.BotType;

/** Settings objects end up in log lines and exception messages: their toString shows no secret. */
class SettingsToStringTest {

    @Test
    void mjPropertiesHideTheApiSecretAndTheGlobalHook() {
        MjProperties properties = new MjProperties(null, "api-secret-value", "https://hook.example/?token=hook-token",
                null, null, null, null);

        assertThat(properties.toString()).doesNotContain("api-secret-value", "hook-token").contains("apiSecret=(set)");
    }

    @Test
    void apiAndAdminPropertiesHideTheirSecrets() {
        assertThat(new ApiProperties("api-secret-value", List.of(), ApiProperties.Limits.DEFAULTS).toString())
                .doesNotContain("api-secret-value");
        assertThat(new AdminProperties("admin-secret-value").toString()).doesNotContain("admin-secret-value");
    }

    @Test
    void accountConfigHidesTheTokens() {
        AccountConfig config = new AccountConfig("main", "1", "2", "user-token-value", null, true, 3, 10, 5,
                SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1, null,
                "bot-token-value", null);

        assertThat(config.toString()).doesNotContain("user-token-value", "bot-token-value");
        assertThat(config.credentials().toString()).doesNotContain("user-token-value");
    }
}
