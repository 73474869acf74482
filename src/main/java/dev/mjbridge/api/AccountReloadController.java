package dev.mjbridge.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.account.PoolReloader;
import dev.mjbridge.cluster.ClusterDirectory;

/**
 * Applies accounts.yml to the running pool on demand, and tells how the last look at the file
 * went. Needs {@code mj-admin-secret} (see {@link AdminSecretInterceptor}). An invalid file
 * answers code 4 with the reason {@code account.AccountsFile} gives (never a secret) and
 * changes nothing.
 */
@AdminOnly
@RestController
@RequestMapping({ApiPaths.ROOT + "/account", ApiPaths.MODE_ROOT + "/account"})
public class AccountReloadController {

    /** How long a reload waits for the other instances of a cluster. */
    static final Duration PEERS = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PoolReloader reloader;
    private final ObjectProvider<ClusterDirectory> cluster;
    private final PeerCalls peers;

    AccountReloadController(PoolReloader reloader, ObjectProvider<ClusterDirectory> cluster, PeerCalls peers) {
        this.reloader = reloader;
        this.cluster = cluster;
        this.peers = peers;
    }

    /**
     * Reads the file now: {@code {added, removed, changed, unchanged}} (account ids). In a cluster every
     * live instance reads the shared file too: {@code properties.instances} tells, per instance, how its
     * reload went ({@code applied}, its code and description, or that it did not answer).
     */
    @Operation(summary = "Apply accounts.yml now")
    @PostMapping("/reload")
    public ApiResponse reload(HttpServletRequest request) {
        ApiResponse local = answer(reloader.reload());
        ClusterDirectory whole = request.getHeader(PeerCalls.FORWARDED) != null ? null : cluster.getIfAvailable();
        if (whole == null) {
            return local;
        }
        Map<String, Object> instances = new LinkedHashMap<>();
        instances.put(whole.me(), "applied");
        List<ClusterDirectory.Peer> others;
        try {
            others = whole.snapshot().others();
        } catch (DataAccessException e) {
            // Reloaded here; which other instances are live is not known, so none was asked.
            return new ApiResponse(local.code(), local.description(), local.result(), Map.of("instances", instances,
                    "instancesError", "the other instances are not known: the cluster database could not be read"));
        }
        Map<String, CompletableFuture<PeerCalls.Answer>> asked = new LinkedHashMap<>();
        others.forEach(peer -> asked.put(peer.id(), peers.call(peer, request, new byte[0], whole.me(), PEERS, false)));
        asked.forEach((id, answer) -> instances.put(id, outcome(answer)));
        return new ApiResponse(local.code(), local.description(), local.result(), Map.of("instances", instances));
    }

    private static String outcome(CompletableFuture<PeerCalls.Answer> answer) {
        try {
            PeerCalls.Answer got = answer.join();
            JsonNode body = JSON.readTree(got.body());
            int code = body.path("code").asInt(-1);
            return code == ResultCode.SUBMITTED ? "applied" : "code " + code + ": " + body.path("description").asString();
        } catch (CompletionException e) {
            return PeerCalls.why(e);
        } catch (RuntimeException e) {
            return "its answer could not be read";
        }
    }

    /** {@code {file, lastCheckAt, lastAppliedAt, appliedChecksum, lastError}}. */
    @Operation(summary = "How the last look at accounts.yml went")
    @GetMapping("/reload-status")
    public ApiResponse status() {
        return ApiResponse.success("Accounts file status", reloader.status());
    }

    /** The answer of anything that applied (or tried to apply) an account list. */
    static ApiResponse answer(PoolReloader.Outcome outcome) {
        if (outcome instanceof PoolReloader.Outcome.Applied applied) {
            return ApiResponse.success("Accounts file applied", applied.changes().summary());
        }
        if (outcome instanceof PoolReloader.Outcome.Invalid invalid) {
            throw refused(invalid.reason());
        }
        throw refused(PoolReloader.NO_FILE_MESSAGE);
    }

    /** Code 4 (HTTP 400, as every validation error) with the reason as it is. */
    static RejectedRequest refused(String reason) {
        return new RejectedRequest(new ApiResponse(ResultCode.INVALID, reason, null, Map.of()));
    }
}
