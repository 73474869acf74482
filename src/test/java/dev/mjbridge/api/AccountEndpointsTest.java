package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mjbridge.account.AccountState;
import dev.mjbridge.account.AccountView;
import dev.mjbridge.account.PacingUsage;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.discord.BotListenerStatus;
import dev.mjbridge.midjourney.BotType;

/** /mj/account/list and /mj/account/{id}/fetch: the pool, and never a token. */
class AccountEndpointsTest {

    private final ApiFixture api = new ApiFixture();

    static AccountView account(String id) {
        return new AccountView(id, "1100000000000000001", "1100000000000000002", true, AccountState.READY, null,
                1732800000000L, SpeedMode.FAST, Set.of(SpeedMode.FAST, SpeedMode.RELAX),
                Set.of(BotType.MID_JOURNEY), 3, 10, 1, 0, 1, "primary", true, null, false,
                new PacingUsage(0, 0, null, true), null, BotListenerStatus.none(), null);
    }

    @Test
    void listAnswersEveryAccountWithoutTokens() throws Exception {
        when(api.pool.accounts()).thenReturn(List.of(account("main"), account("second")));

        String body = api.mvc.perform(get("/mj/account/list"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("main"))
                .andExpect(jsonPath("$[1].id").value("second"))
                .andExpect(jsonPath("$[0].channelId").value("1100000000000000002"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body.toLowerCase(Locale.ROOT)).doesNotContain("token");
    }

    @Test
    void fetchAnswersOneAccount() throws Exception {
        when(api.pool.account("main")).thenReturn(Optional.of(account("main")));

        api.mvc.perform(get("/mj/account/main/fetch"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("main"))
                .andExpect(jsonPath("$.concurrency").value(3));
    }

    @Test
    void fetchOfAnUnknownAccountIsAnEmptyBody() throws Exception {
        when(api.pool.account(anyString())).thenReturn(Optional.empty());

        api.mvc.perform(get("/mj/account/nope/fetch"))
                .andExpect(status().isOk())
                .andExpect(content().string(""));
    }
}
