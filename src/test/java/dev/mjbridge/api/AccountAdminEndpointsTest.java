package dev.mjbridge.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** POST /mj/account/{id}/enable|disable: the admin secret, the answers, the operator's reason. */
class AccountAdminEndpointsTest {

    private static final String ADMIN = "adm1n-secret";

    private final ApiFixture api = new ApiFixture(ApiProperties.open(), new AdminProperties(ADMIN));

    @Test
    void withoutAnAdminSecretConfiguredTheEndpointsAre403() throws Exception {
        ApiFixture off = new ApiFixture();

        off.mvc.perform(post("/mj/account/main/enable").header(AdminSecretInterceptor.HEADER, "anything"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("admin API disabled: set mj.admin-secret"))
                .andExpect(jsonPath("$.properties").isMap());
        off.mvc.perform(post("/mj/account/main/disable")).andExpect(status().isForbidden());
        verify(off.pool, never()).enable(anyString());
        verify(off.pool, never()).disable(anyString(), anyString());
    }

    @Test
    void aMissingOrWrongAdminSecretIs401AndIsNotEchoed() throws Exception {
        api.mvc.perform(post("/mj/account/main/enable"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("mj-admin-secret: missing or wrong"));
        api.mvc.perform(post("/mj/account/main/disable").header(AdminSecretInterceptor.HEADER, "adm1n-secreT"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(Matchers.not(Matchers.containsString("adm1n"))));
        api.mvc.perform(post("/mj-relax/mj/account/main/enable").header(AdminSecretInterceptor.HEADER, ""))
                .andExpect(status().isUnauthorized());
        // The api secret is not the admin secret.
        api.mvc.perform(post("/mj/account/main/enable").header(ApiSecretFilter.HEADER, ADMIN))
                .andExpect(status().isUnauthorized());
        verify(api.pool, never()).enable(anyString());
    }

    @Test
    void theSecretIsCheckedBeforeTheBodyIsRead() throws Exception {
        api.mvc.perform(post("/mj/account/main/disable").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void enableAnswersTheAccount() throws Exception {
        when(api.pool.enable("main")).thenReturn(Optional.of(AccountEndpointsTest.account("main")));

        api.mvc.perform(post("/mj/account/main/enable").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.description").value("Account main enabled"))
                .andExpect(jsonPath("$.result.id").value("main"))
                .andExpect(jsonPath("$.result.state").value("READY"));
        verify(api.pool).enable("main");
    }

    @Test
    void disableKeepsTheOperatorsReason() throws Exception {
        when(api.pool.disable(anyString(), anyString())).thenReturn(Optional.of(AccountEndpointsTest.account("main")));

        api.mvc.perform(post("/mj-fast/mj/account/main/disable").header(AdminSecretInterceptor.HEADER, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \" card expired\\n \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.description").value("Account main disabled"));
        verify(api.pool).disable("main", "disabled by an operator: card expired");

        api.mvc.perform(post("/mj/account/second/disable").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk());
        verify(api.pool).disable("second", "disabled by an operator");
    }

    @Test
    void aBadReasonIsACode4NamingIt() throws Exception {
        api.mvc.perform(post("/mj/account/main/disable").header(AdminSecretInterceptor.HEADER, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": 7}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("reason: must be a string"));
        api.mvc.perform(post("/mj/account/main/disable").header(AdminSecretInterceptor.HEADER, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"" + "x".repeat(AccountAdminController.MAX_REASON + 1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value(Matchers.startsWith("reason: is longer than")));
        verify(api.pool, never()).disable(anyString(), any());
    }

    @Test
    void anUnknownAccountIsCode3() throws Exception {
        when(api.pool.enable(anyString())).thenReturn(Optional.empty());

        api.mvc.perform(post("/mj/account/nope/enable").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(3))
                .andExpect(jsonPath("$.description").value("Account not found: 'nope'"));
    }

    @Test
    void readingTheAccountsNeedsNoAdminSecret() throws Exception {
        when(api.pool.accounts()).thenReturn(List.of(AccountEndpointsTest.account("main")));

        api.mvc.perform(get("/mj/account/list")).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("main"));
    }

    @Test
    void withAnApiSecretTooBothHeadersAreNeeded() throws Exception {
        ApiFixture both = new ApiFixture(new ApiProperties("api-s", List.of(), ApiProperties.Limits.DEFAULTS),
                new AdminProperties(ADMIN));
        when(both.pool.enable("main")).thenReturn(Optional.of(AccountEndpointsTest.account("main")));

        both.mvc.perform(post("/mj/account/main/enable").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.description").value("mj-api-secret: missing or wrong"));
        both.mvc.perform(post("/mj/account/main/enable").header(ApiSecretFilter.HEADER, "api-s"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.description").value("mj-admin-secret: missing or wrong"));
        both.mvc.perform(post("/mj/account/main/enable").header(ApiSecretFilter.HEADER, "api-s")
                        .header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1));
    }
}
