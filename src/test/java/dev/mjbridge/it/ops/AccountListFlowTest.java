package dev.mjbridge.it.ops;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** README, sandbox mode: sandbox mode is said in /mj/account/list, on every account, and no token is shown. */
class AccountListFlowTest extends SandboxFlowTest {

    @Test
    void everyAccountSaysItIsSimulated() {
        MjApi.Response list = api.get("/mj/account/list");

        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode account : list.body()) {
            ids.add(account.path("id").asString());
            assertThat(account.path("sandbox").asBoolean()).as(account.toString()).isTrue();
            assertThat(account.path("state").asString()).isEqualTo("READY");
        }
        assertThat(ids).containsExactly(ACCOUNT_1, ACCOUNT_2);
        assertThat(api.get("/mj/account/" + ACCOUNT_2 + "/fetch").body().path("sandbox").asBoolean()).isTrue();
        for (AccountConfig account : setup.accounts()) {
            assertThat(list.raw()).doesNotContain(account.userToken());
        }
    }
}
