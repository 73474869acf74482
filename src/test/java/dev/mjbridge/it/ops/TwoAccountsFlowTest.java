package dev.mjbridge.it.ops;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts in one channel: a button is pressed from the account that ran its parent,
 * unless {@code chooseSameChannel} lets any account of that channel take it.
 */
class TwoAccountsFlowTest extends SandboxFlowTest {

    @Test
    void actionsRunOnTheParentsAccount() {
        for (String accountId : List.of(ACCOUNT_1, ACCOUNT_2)) {
            String parentId = api.submit("/mj/submit/imagine", imagineOn(accountId, "a parent on " + accountId));
            JsonNode parent = api.awaitFinal(parentId);
            assertThat(parent.path("properties").path("discordInstanceId").asString()).isEqualTo(accountId);

            List<String> children = new ArrayList<>();
            for (String label : List.of("U1", "V2")) {
                MjApi.Response response = api.post("/mj/submit/action", """
                        {"taskId": "%s", "customId": "%s"}""".formatted(parentId, MjApi.button(parent, label)));
                assertThat(response.body().path("properties").path("discordInstanceId").asString())
                        .as(response.raw()).isEqualTo(accountId);
                children.add(response.body().path("result").asString());
            }
            for (JsonNode child : awaitAllSucceeded(children)) {
                assertThat(child.path("properties").path("discordInstanceId").asString()).isEqualTo(accountId);
                assertThat(child.path("properties").path("parentId").asString()).isEqualTo(parentId);
            }
        }
    }

    @Test
    void chooseSameChannelSpreadsActionsOverTheChannelsAccounts() {
        String parentId = api.submit("/mj/submit/imagine", imagineOn(ACCOUNT_1, "a parent shared by the channel"));
        JsonNode parent = api.awaitFinal(parentId);
        assertThat(parent.path("status").asString()).isEqualTo("SUCCESS");

        sandbox.pauseBot();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(api.submit("/mj/submit/imagine", imagineOn(ACCOUNT_1, "keeping account one busy " + i)));
        }
        assertThat(account(ACCOUNT_1).running()).isEqualTo(3);

        // Pinned to its parent's account: it waits there even though the other account is idle.
        MjApi.Response pinned = api.post("/mj/submit/action", """
                {"taskId": "%s", "customId": "%s", "chooseSameChannel": false}"""
                .formatted(parentId, MjApi.button(parent, "V4")));
        assertThat(pinned.body().path("code").asInt()).as(pinned.raw()).isEqualTo(22);
        assertThat(pinned.body().path("properties").path("discordInstanceId").asString()).isEqualTo(ACCOUNT_1);
        ids.add(pinned.body().path("result").asString());

        List<String> placedOn = new ArrayList<>();
        for (String label : List.of("U1", "U2", "U3", "U4", "V1", "V2")) {
            MjApi.Response response = api.post("/mj/submit/action", """
                    {"taskId": "%s", "customId": "%s", "chooseSameChannel": true}"""
                    .formatted(parentId, MjApi.button(parent, label)));
            assertThat(response.body().path("code").asInt()).as(response.raw()).isIn(1, 22);
            placedOn.add(response.body().path("properties").path("discordInstanceId").asString());
            ids.add(response.body().path("result").asString());
        }
        assertThat(placedOn.get(0)).as("the idle account takes the first one").isEqualTo(ACCOUNT_2);
        assertThat(new LinkedHashSet<>(placedOn)).containsExactlyInAnyOrder(ACCOUNT_1, ACCOUNT_2);

        sandbox.resumeBot();
        Set<String> ranOn = new LinkedHashSet<>();
        for (JsonNode done : awaitAllSucceeded(ids)) {
            ranOn.add(done.path("properties").path("discordInstanceId").asString());
            if (done.path("action").asString().equals("UPSCALE")) {
                assertThat(done.path("imageUrl").asString()).contains(".png");
            }
        }
        assertThat(ranOn).containsExactlyInAnyOrder(ACCOUNT_1, ACCOUNT_2);
    }
}
