package dev.mjbridge.it;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountState;
import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.gateway.GatewayCounters;
import dev.mjbridge.testing.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * accounts.yml edited while the proxy serves, through the real HTTP API against a standalone
 * sandbox: accounts added, removed with work running and queued, retuned in place, reconnected
 * with other credentials; an invalid file changes nothing; a hand edit is picked up by the
 * watcher. What the sandbox received (interactions per nonce, gateway identifies and sessions
 * per user) is the evidence that nothing was lost, sent twice or reconnected needlessly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class LiveAccountPoolTest {

    private static final String ADMIN = "live-pool-admin";
    private static final String ACC_1 = "acc-1";
    private static final String ACC_2 = "acc-2";
    private static final String ACC_3 = "acc-3";

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 4, dir, 1);
        writeAtomically(base());
        sandbox.register(registry);
        registry.add("mj.admin-secret", () -> ADMIN);
        // Long: a hand edit that shows up within the test was noticed by the folder watch, not the poll.
        registry.add("mj.accounts.reload-check", () -> "10m");
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountPool pool;
    MjApi api;

    @BeforeEach
    void baseAccounts() {
        api = new MjApi(port);
        sandbox.control().resumeBot();
        writeAtomically(base());
        assertThat(reload().path("code").asInt()).isEqualTo(1);
        for (JsonNode account : api.get("/mj/account/list").body()) {
            if (!account.path("enabled").asBoolean()) {
                admin("/mj/account/" + account.path("id").asString() + "/enable", "");
            }
        }
        Waits.await("only acc-1 and acc-2 listed, both READY", MjApi.WAIT).until(() -> api.get("/mj/account/list").body(),
                list -> list.size() == 2 && ids(list).equals(List.of(ACC_1, ACC_2))
                        && pool.accounts().stream().allMatch(a -> a.state() == AccountState.READY));
    }

    @Test
    void anAddedAccountConnectsAndTakesWork() {
        writeAtomically(base() + entry(ACC_3, 3, ""));

        JsonNode answer = reload();

        assertThat(answer.path("code").asInt()).as(answer.toString()).isEqualTo(1);
        assertThat(ids(answer.path("result").path("added"))).containsExactly(ACC_3);
        assertThat(ids(answer.path("result").path("unchanged"))).containsExactly(ACC_1, ACC_2);
        assertThat(answer.path("result").path("removed")).isEmpty();
        Waits.await("acc-3 READY", MjApi.WAIT).until(() -> listed(ACC_3), a -> a != null && "READY".equals(a.path("state").asString()));

        String id = api.submit("/mj/submit/imagine", imagineOn(ACC_3, "a new account's first job"));
        JsonNode done = api.awaitFinal(id);
        assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(done.path("properties").path("discordInstanceId").asString()).isEqualTo(ACC_3);
        assertThat(sentBy(done)).isEqualTo(sandbox.userId(3));
    }

    @Test
    void aRemovedAccountEndsItsRunningWorkAndItsQueueMovesOn() {
        // All new work lands on acc-1: acc-2 stays connected but takes none for now.
        admin("/mj/account/" + ACC_2 + "/disable", "");
        sandbox.control().pauseBot();
        String running = api.submit("/mj/submit/imagine", "{\"prompt\": \"running on acc-1\"}");
        String queued1 = api.submit("/mj/submit/imagine", "{\"prompt\": \"queued on acc-1, moves\"}");
        String queued2 = api.submit("/mj/submit/imagine", "{\"prompt\": \"queued on acc-1, moves too\"}");
        String pinned = api.submit("/mj/submit/imagine", imagineOn(ACC_1, "queued, only acc-1 will do"));
        for (String id : List.of(running, queued1, queued2, pinned)) {
            assertThat(api.fetch(id).path("properties").path("discordInstanceId").asString()).isEqualTo(ACC_1);
        }
        String runningNonce = awaitSent(running);
        admin("/mj/account/" + ACC_2 + "/enable", "");
        Waits.await("acc-2 READY", MjApi.WAIT).until(() -> listed(ACC_2), a -> "READY".equals(a.path("state").asString()));

        writeAtomically("accounts:\n" + entry(ACC_2, 2, ""));
        JsonNode answer = reload();

        assertThat(answer.path("code").asInt()).as(answer.toString()).isEqualTo(1);
        assertThat(ids(answer.path("result").path("removed"))).containsExactly(ACC_1);
        assertThat(ids(answer.path("result").path("unchanged"))).containsExactly(ACC_2);
        JsonNode failed = api.awaitFinal(pinned);
        assertThat(failed.path("status").asString()).isEqualTo("FAILURE");
        assertThat(failed.path("failReason").asString()).isEqualTo("account acc-1 removed from the pool");
        for (String id : List.of(queued1, queued2)) {
            assertThat(api.fetch(id).path("properties").path("discordInstanceId").asString()).isEqualTo(ACC_2);
        }
        JsonNode leaving = listed(ACC_1);
        assertThat(leaving).as("listed until its running task ends").isNotNull();
        assertThat(leaving.path("state").asString()).isEqualTo("DISABLED");
        assertThat(leaving.path("running").asInt()).isEqualTo(1);
        assertThat(sandbox.control().liveGatewaySessions(sandbox.userId(1))).isEqualTo(1);
        assertThat(api.post("/mj/submit/imagine", imagineOn(ACC_1, "too late")).body().path("code").asInt()).isEqualTo(23);

        sandbox.control().resumeBot();

        JsonNode ran = api.awaitFinal(running);
        assertThat(ran.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(ran.path("properties").path("discordInstanceId").asString()).isEqualTo(ACC_1);
        assertThat(ran.path("properties").path("nonce").asString()).isEqualTo(runningNonce);
        assertThat(sentBy(ran)).isEqualTo(sandbox.userId(1));
        for (String id : List.of(queued1, queued2)) {
            JsonNode moved = api.awaitFinal(id);
            assertThat(moved.path("status").asString()).isEqualTo("SUCCESS");
            assertThat(moved.path("properties").path("discordInstanceId").asString()).isEqualTo(ACC_2);
            assertThat(sentBy(moved)).isEqualTo(sandbox.userId(2));
        }
        Waits.await("acc-1 gone from the list and disconnected", MjApi.WAIT).until(
                () -> listed(ACC_1) == null && sandbox.control().liveGatewaySessions(sandbox.userId(1)) == 0, gone -> gone);
    }

    @Test
    void moreConcurrencyStartsQueuedWorkOnTheSameSession() {
        String user = sandbox.userId(1);
        long identifiedBefore = sandbox.control().gatewayCounters(user).identified();
        admin("/mj/account/" + ACC_2 + "/disable", "");
        sandbox.control().pauseBot();
        String first = api.submit("/mj/submit/imagine", "{\"prompt\": \"first\"}");
        MjApi.Response second = api.post("/mj/submit/imagine", "{\"prompt\": \"second, queued\"}");
        assertThat(second.body().path("code").asInt()).as(second.raw()).isEqualTo(22);
        String secondId = second.body().path("result").asString();
        awaitSent(first);

        writeAtomically("accounts:\n" + entry(ACC_1, 1, "", 2) + entry(ACC_2, 2, ""));
        JsonNode answer = reload();

        assertThat(ids(answer.path("result").path("changed"))).containsExactly(ACC_1);
        assertThat(ids(answer.path("result").path("unchanged"))).containsExactly(ACC_2);
        awaitSent(secondId);
        JsonNode account = listed(ACC_1);
        assertThat(account.path("concurrency").asInt()).isEqualTo(2);
        assertThat(account.path("running").asInt()).isEqualTo(2);
        assertThat(account.path("state").asString()).isEqualTo("READY");
        assertThat(sandbox.control().gatewayCounters(user).identified()).as("no new IDENTIFY").isEqualTo(identifiedBefore);
        assertThat(sandbox.control().liveGatewaySessions(user)).isEqualTo(1);

        sandbox.control().resumeBot();
        for (String id : List.of(first, secondId)) {
            JsonNode done = api.awaitFinal(id);
            assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
            assertThat(sentBy(done)).isEqualTo(user);
        }
    }

    @Test
    void enabledFalseTakesTheAccountOutOfRotationWithItsSessionUpAndTrueBringsItBack() {
        String user = sandbox.userId(2);
        long identified = sandbox.control().gatewayCounters(user).identified();

        writeAtomically("accounts:\n" + entry(ACC_1, 1, "") + entry(ACC_2, 2, "    enabled: false\n"));
        assertThat(ids(reload().path("result").path("changed"))).containsExactly(ACC_2);

        JsonNode off = listed(ACC_2);
        assertThat(off.path("enabled").asBoolean()).isFalse();
        assertThat(off.path("state").asString()).isEqualTo("DISABLED");
        assertThat(off.path("stateReason").asString()).isEqualTo("disabled in the accounts file");
        assertThat(api.post("/mj/submit/imagine", imagineOn(ACC_2, "not now")).body().path("code").asInt()).isEqualTo(23);
        assertThat(sandbox.control().liveGatewaySessions(user)).isEqualTo(1);

        writeAtomically(base());
        assertThat(ids(reload().path("result").path("changed"))).containsExactly(ACC_2);

        Waits.await("acc-2 READY again", MjApi.WAIT).until(() -> listed(ACC_2), a -> "READY".equals(a.path("state").asString()));
        assertThat(api.awaitFinal(api.submit("/mj/submit/imagine", imagineOn(ACC_2, "back in rotation"))).path("status").asString())
                .isEqualTo("SUCCESS");
        assertThat(sandbox.control().gatewayCounters(user).identified()).as("the session stayed up").isEqualTo(identified);
    }

    @Test
    void newCredentialsReconnectAndTheQueueFollowsTheNewSession() {
        String oldUser = sandbox.userId(2);
        String newUser = sandbox.userId(4);
        long newUserIdentified = sandbox.control().gatewayCounters(newUser).identified();
        sandbox.control().pauseBot();
        String running = api.submit("/mj/submit/imagine", imagineOn(ACC_2, "runs on the old session"));
        MjApi.Response queued = api.post("/mj/submit/imagine", imagineOn(ACC_2, "waits, then goes out on the new one"));
        assertThat(queued.body().path("code").asInt()).as(queued.raw()).isEqualTo(22);
        String queuedId = queued.body().path("result").asString();
        awaitSent(running);

        // acc-2 is now user 4's: another token and channel.
        writeAtomically("accounts:\n" + entry(ACC_1, 1, "") + entry(ACC_2, 4, ""));
        JsonNode answer = reload();

        assertThat(ids(answer.path("result").path("changed"))).containsExactly(ACC_2);
        Waits.await("acc-2 READY as user 4", MjApi.WAIT).until(() -> listed(ACC_2),
                a -> "READY".equals(a.path("state").asString()) && sandbox.channelId(4).equals(a.path("channelId").asString()));
        assertThat(sandbox.control().gatewayCounters(newUser).identified()).isGreaterThan(newUserIdentified);
        awaitSent(queuedId);
        assertThat(sandbox.control().liveGatewaySessions(oldUser)).as("the old session follows its running job").isEqualTo(1);

        sandbox.control().resumeBot();
        JsonNode ran = api.awaitFinal(running);
        assertThat(ran.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(sentBy(ran)).isEqualTo(oldUser);
        JsonNode moved = api.awaitFinal(queuedId);
        assertThat(moved.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(moved.path("properties").path("discordChannelId").asString()).isEqualTo(sandbox.channelId(4));
        assertThat(sentBy(moved)).isEqualTo(newUser);
        Waits.await("user 2's session closed", MjApi.WAIT).until(() -> sandbox.control().liveGatewaySessions(oldUser), n -> n == 0);
    }

    @Test
    void anInvalidFileChangesNothingAndIsReportedUntilFixed() {
        String bad = "accounts:\n" + entry(ACC_1, 1, "    weight: heavy\n") + entry(ACC_2, 2, "");
        writeAtomically(bad);

        JsonNode answer = reload();

        assertThat(answer.path("code").asInt()).isEqualTo(4);
        String reason = answer.path("description").asString();
        assertThat(reason).contains("account #1 (id 'acc-1')").contains("key 'weight'").contains("heavy")
                .doesNotContain("sandboxed-token");
        JsonNode status = api.adminGet("/mj/account/reload-status", ADMIN).body().path("result");
        assertThat(status.path("lastError").asString()).isEqualTo(reason);
        assertThat(status.path("file").asString()).isEqualTo(sandbox.accountsFile().toAbsolutePath().toString());
        assertThat(status.path("appliedChecksum").asString()).isEqualTo(sha256(base()));
        assertThat(status.toString()).doesNotContain("sandboxed-token");
        // The old pool keeps serving.
        assertThat(api.awaitFinal(api.submit("/mj/submit/imagine", imagineOn(ACC_1, "still served"))).path("status").asString())
                .isEqualTo("SUCCESS");
        assertThat(listed(ACC_1).path("weight").asInt()).isEqualTo(1);

        String fixed = "accounts:\n" + entry(ACC_1, 1, "    weight: 5\n") + entry(ACC_2, 2, "");
        writeAtomically(fixed);
        JsonNode applied = reload();

        assertThat(applied.path("code").asInt()).as(applied.toString()).isEqualTo(1);
        assertThat(ids(applied.path("result").path("changed"))).containsExactly(ACC_1);
        JsonNode after = api.adminGet("/mj/account/reload-status", ADMIN).body().path("result");
        assertThat(after.path("lastError").isNull()).isTrue();
        assertThat(after.path("appliedChecksum").asString()).isEqualTo(sha256(fixed));
        assertThat(listed(ACC_1).path("weight").asInt()).isEqualTo(5);
    }

    @Test
    void aHandEditWrittenByRenameIsPickedUpWithoutAReload() {
        long appliedBefore = api.adminGet("/mj/account/reload-status", ADMIN).body().path("result").path("lastAppliedAt").asLong();
        String edited = "accounts:\n" + entry(ACC_1, 1, "") + entry(ACC_2, 2, "    remark: edited by hand\n");

        writeAtomically(edited);

        Waits.await("acc-2's new remark", MjApi.WAIT).until(() -> listed(ACC_2),
                a -> "edited by hand".equals(a.path("remark").asString()));
        JsonNode status = api.adminGet("/mj/account/reload-status", ADMIN).body().path("result");
        assertThat(status.path("lastAppliedAt").asLong()).isGreaterThan(appliedBefore);
        assertThat(status.path("appliedChecksum").asString()).isEqualTo(sha256(edited));
    }

    @Test
    void aReconnectClosesAndReopensTheSessionAndLeavesTheFileAlone() throws IOException {
        String user = sandbox.userId(1);
        GatewayCounters.Snapshot before = sandbox.control().gatewayCounters(user);
        String file = Files.readString(sandbox.accountsFile());

        JsonNode answer = admin("/mj/account/" + ACC_1 + "/reconnect", "");

        assertThat(answer.path("code").asInt()).as(answer.toString()).isEqualTo(1);
        assertThat(answer.path("result").path("id").asString()).isEqualTo(ACC_1);
        Waits.await("a new connection for user 1, READY", MjApi.WAIT).until(() -> sandbox.control().gatewayCounters(user),
                after -> after.identified() + after.resumed() > before.identified() + before.resumed()
                        && "READY".equals(listed(ACC_1).path("state").asString()));
        assertThat(sandbox.control().liveGatewaySessions(user)).isEqualTo(1);
        assertThat(api.awaitFinal(api.submit("/mj/submit/imagine", imagineOn(ACC_1, "after the reconnect")))
                .path("status").asString()).isEqualTo("SUCCESS");
        assertThat(Files.readString(sandbox.accountsFile())).isEqualTo(file);
        assertThat(api.adminGet("/mj/account/reload-status", ADMIN).body().path("result").path("appliedChecksum").asString())
                .isEqualTo(sha256(file));
        assertThat(admin("/mj/account/nobody/reconnect", "").path("code").asInt()).isEqualTo(3);
    }

    @Test
    void theAdminApiEditsTheFileAndThePoolFollows() throws IOException {
        String created = "{\"id\": \"acc-3\", \"guildId\": \"" + SandboxedAccounts.guildId() + "\", \"channelId\": \""
                + sandbox.channelId(3) + "\", \"userToken\": \"" + sandbox.token(3) + "\", \"concurrency\": 1,"
                + " \"weight\": 3, \"allowModes\": [\"fast\", \"relax\"]}";

        JsonNode answer = adminSend("POST", "/mj/account/create", created);

        assertThat(answer.path("code").asInt()).as(answer.toString()).isEqualTo(1);
        assertThat(answer.path("result").path("id").asString()).isEqualTo(ACC_3);
        assertThat(answer.toString()).doesNotContain(sandbox.token(3));
        String file = Files.readString(sandbox.accountsFile());
        assertThat(file).startsWith(COMMENT).contains("acc-3").contains(sandbox.channelId(3));
        assertThat(reloadStatus().path("appliedChecksum").asString()).isEqualTo(sha256(file));
        Waits.await("acc-3 READY", MjApi.WAIT).until(() -> listed(ACC_3), a -> a != null && "READY".equals(a.path("state").asString()));
        assertThat(api.awaitFinal(api.submit("/mj/submit/imagine", imagineOn(ACC_3, "on the created account")))
                .path("status").asString()).isEqualTo("SUCCESS");

        long identified = sandbox.control().gatewayCounters(sandbox.userId(3)).identified();
        JsonNode updated = adminSend("PUT", "/mj/account/" + ACC_3, "{\"concurrency\": 2, \"remark\": \"via the API\", \"weight\": null}");
        assertThat(updated.path("code").asInt()).as(updated.toString()).isEqualTo(1);
        assertThat(updated.path("result").path("concurrency").asInt()).isEqualTo(2);
        assertThat(updated.path("result").path("remark").asString()).isEqualTo("via the API");
        assertThat(updated.path("result").path("weight").asInt()).as("removed: back to the default").isEqualTo(1);
        assertThat(sandbox.control().gatewayCounters(sandbox.userId(3)).identified()).isEqualTo(identified);
        String afterUpdate = Files.readString(sandbox.accountsFile());
        assertThat(reloadStatus().path("appliedChecksum").asString()).isEqualTo(sha256(afterUpdate));

        JsonNode wrongType = adminSend("PUT", "/mj/account/" + ACC_3, "{\"concurrency\": \"two\"}");
        assertThat(wrongType.path("code").asInt()).isEqualTo(4);
        assertThat(wrongType.path("description").asString()).isEqualTo("concurrency: must be a whole number");
        JsonNode outOfRange = adminSend("PUT", "/mj/account/" + ACC_3, "{\"concurrency\": 99}");
        assertThat(outOfRange.path("code").asInt()).isEqualTo(4);
        assertThat(outOfRange.path("description").asString()).contains("key 'concurrency'").contains("between 1 and 50");
        JsonNode unknownKey = adminSend("POST", "/mj/account/create", "{\"id\": \"acc-9\", \"colour\": \"red\"}");
        assertThat(unknownKey.path("code").asInt()).isEqualTo(4);
        assertThat(unknownKey.path("description").asString()).contains("'colour'");
        assertThat(Files.readString(sandbox.accountsFile())).as("nothing written").isEqualTo(afterUpdate);
        assertThat(adminSend("PUT", "/mj/account/nobody", "{\"weight\": 2}").path("code").asInt()).isEqualTo(3);
        assertThat(adminSend("DELETE", "/mj/account/nobody", null).path("code").asInt()).isEqualTo(3);

        JsonNode deleted = adminSend("DELETE", "/mj/account/" + ACC_3, null);
        assertThat(deleted.path("code").asInt()).as(deleted.toString()).isEqualTo(1);
        assertThat(deleted.path("result").asString()).isEqualTo(ACC_3);
        assertThat(Files.readString(sandbox.accountsFile())).doesNotContain("acc-3").startsWith(COMMENT);
        Waits.await("acc-3 gone", MjApi.WAIT).until(() -> listed(ACC_3) == null, gone -> gone);
    }

    @Test
    void anEditIsRefusedWhenTheFileChangedOnDiskSinceItWasApplied() throws IOException {
        // A hand edit the watcher could not apply (invalid): the file on disk is not what the pool runs.
        String handEdit = base() + "  - id: broken\n";
        writeAtomically(handEdit);
        Waits.await("the hand edit seen and refused", MjApi.WAIT).until(() -> reloadStatus().path("lastError").asString(""),
                error -> error.contains("broken"));

        JsonNode refused = adminSend("PUT", "/mj/account/" + ACC_1, "{\"weight\": 4}");

        assertThat(refused.path("code").asInt()).isEqualTo(4);
        assertThat(refused.path("description").asString()).isEqualTo("accounts file changed on disk; reload first");
        assertThat(Files.readString(sandbox.accountsFile())).isEqualTo(handEdit);
        assertThat(listed(ACC_1).path("weight").asInt()).isEqualTo(1);
    }

    @Test
    void theReloadEndpointsNeedTheAdminSecret() {
        assertThat(api.adminPost("/mj/account/reload", "", null).status()).isEqualTo(401);
        assertThat(api.adminGet("/mj/account/reload-status", "wrong").status()).isEqualTo(401);
    }

    // ---- helpers ------------------------------------------------------------------

    private static final String COMMENT = "# the pool of the live-edit test: kept by edits through the API\n";

    private static String base() {
        return COMMENT + "accounts:\n" + entry(ACC_1, 1, "") + entry(ACC_2, 2, "");
    }

    private static String entry(String id, int user, String extraKeys) {
        return entry(id, user, extraKeys, 1);
    }

    /** One account of accounts.yml as simulated user {@code user}, one job at a time unless told. */
    private static String entry(String id, int user, String extraKeys, int concurrency) {
        return "  - id: " + id + "\n"
                + "    guildId: \"" + SandboxedAccounts.guildId() + "\"\n"
                + "    channelId: \"" + sandbox.channelId(user) + "\"\n"
                + "    userToken: \"" + sandbox.token(user) + "\"\n"
                + "    concurrency: " + concurrency + "\n"
                + "    queueSize: 10\n"
                + "    timeoutMinutes: 1\n"
                + extraKeys;
    }

    /** As editors do: a temporary file in the same folder, renamed over accounts.yml. */
    private static void writeAtomically(String yaml) {
        try {
            Path temp = Files.createTempFile(dir, "accounts", ".tmp");
            Files.writeString(temp, yaml);
            Files.move(temp, sandbox.accountsFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode reloadStatus() {
        return api.adminGet("/mj/account/reload-status", ADMIN).body().path("result");
    }

    /** Any admin call; HTTP 400 exactly for code 4, as every validation error, else 200. */
    private JsonNode adminSend(String method, String path, String body) {
        return checked(api.adminSend(method, path, body, ADMIN));
    }

    private static JsonNode checked(MjApi.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(response.body().path("code").asInt() == 4 ? 400 : 200);
        return response.body();
    }

    private JsonNode reload() {
        return admin("/mj/account/reload", "");
    }

    private JsonNode admin(String path, String body) {
        return checked(api.adminPost(path, body, ADMIN));
    }

    /** The account as /mj/account/list shows it, or null when not listed. */
    private JsonNode listed(String id) {
        for (JsonNode account : api.get("/mj/account/list").body()) {
            if (id.equals(account.path("id").asString())) {
                return account;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.isString() ? n.asString() : n.path("id").asString()));
        return ids;
    }

    /** Waits until the sandbox received the task's interaction; returns its nonce. */
    private String awaitSent(String taskId) {
        JsonNode sent = api.awaitTask(taskId, t -> !t.path("properties").path("nonce").asString("").isEmpty()
                && sandbox.control().received().interactionsWithNonce(t.path("properties").path("nonce").asString()) == 1,
                "sent to Discord");
        return sent.path("properties").path("nonce").asString();
    }

    /** The user whose interaction started the task's job; checks the job was sent exactly once. */
    private static String sentBy(JsonNode task) {
        String nonce = task.path("properties").path("nonce").asString();
        List<Recorder.ReceivedInteraction> sent = sandbox.control().received().interactions().stream()
                .filter(i -> nonce.equals(i.nonce())).toList();
        assertThat(sent).as("interactions with nonce " + nonce).hasSize(1);
        assertThat(sandbox.control().received().acceptedInteractionsWithNonce(nonce)).isEqualTo(1);
        return sent.get(0).userId();
    }

    private static String imagineOn(String accountId, String prompt) {
        return "{\"prompt\": \"" + prompt + "\", \"accountFilter\": {\"instanceId\": \"" + accountId + "\"}}";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
