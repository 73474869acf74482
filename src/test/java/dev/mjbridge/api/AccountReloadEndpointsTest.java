package dev.mjbridge.api;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountsFile;
import dev.mjbridge.account.PoolReloader;

/**
 * The reload endpoints when the accounts are the built-in sandbox's (no file): a clear code 4,
 * and the pool is not touched. With a file they are covered end to end by it.LiveAccountPoolTest.
 */
class AccountReloadEndpointsTest {

    private static final String ADMIN = "reload-admin";

    private final AccountPool pool = mock(AccountPool.class);
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new AccountReloadController(
                    new PoolReloader(null, null, AccountsFile.withSystemEnvironment(), pool, Clock.systemUTC()),
                    ApiFixture.noCluster(), new PeerCalls()))
            .setControllerAdvice(new ApiExceptionHandler(), new UnmappedRequestHandler())
            .addInterceptors(new AdminSecretInterceptor(new AdminProperties(ADMIN)))
            .build();

    @Test
    void withoutAnAccountsFileAReloadSaysSo() throws Exception {
        mvc.perform(post("/mj/account/reload").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(PoolReloader.NO_FILE_MESSAGE));
        verifyNoInteractions(pool);
    }

    @Test
    void theStatusShowsNoFile() throws Exception {
        mvc.perform(get("/mj/account/reload-status").header(AdminSecretInterceptor.HEADER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1))
                .andExpect(jsonPath("$.result.file").isEmpty())
                .andExpect(jsonPath("$.result.lastError").isEmpty());
    }

    @Test
    void bothNeedTheAdminSecret() throws Exception {
        mvc.perform(post("/mj/account/reload")).andExpect(status().isUnauthorized());
        mvc.perform(get("/mj/account/reload-status").header(AdminSecretInterceptor.HEADER, "nope"))
                .andExpect(status().isUnauthorized());
    }
}
