package dev.mjbridge.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.cluster.ClusterDrain;
import dev.mjbridge.cluster.ClusterOverview;
import dev.mjbridge.cluster.DrainExit;
import dev.mjbridge.cluster.LeaseKeeper;

/**
 * {@code GET /mj/cluster}: this instance, the live instances and the account leases, as the shared
 * database sees them; {@code enabled: false} on an instance without {@code mj.cluster.enabled}.
 * Needs {@code mj-admin-secret}: it names the instances' addresses. {@code POST /mj/cluster/drain} hands
 * this instance's accounts over and exits.
 */
@AdminOnly
@RestController
@RequestMapping({ApiPaths.ROOT + "/cluster", ApiPaths.MODE_ROOT + "/cluster"})
public class ClusterController {

    private final ObjectProvider<LeaseKeeper> keeper;
    private final ObjectProvider<ClusterDrain> drain;
    private final ObjectProvider<DrainExit> exit;

    ClusterController(ObjectProvider<LeaseKeeper> keeper, ObjectProvider<ClusterDrain> drain,
                      ObjectProvider<DrainExit> exit) {
        this.keeper = keeper;
        this.drain = drain;
        this.exit = exit;
    }

    @Operation(summary = "The cluster: instances and account leases")
    @GetMapping
    public ApiResponse cluster() {
        LeaseKeeper found = keeper.getIfAvailable();
        ClusterOverview overview = found == null ? ClusterOverview.disabled() : found.overview();
        return ApiResponse.success(overview.enabled() ? "Cluster" : "Cluster off: this instance connects every account",
                overview);
    }

    /**
     * Hands this instance's accounts over to the others and then exits: answers at once (HTTP 202, code
     * 1, the accounts it holds and the drain timeout); the drain and the exit follow on threads of their
     * own. Code 4 with the cluster off: a lone instance has no one to hand its accounts to.
     */
    @Operation(summary = "Hand this instance's accounts over to the others, then exit",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202",
                    description = "draining: code 1, result {instanceId, accounts, drainTimeoutMillis}; the instance "
                            + "exits once the drain ended",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(ref = OpenApiOperations.ENVELOPE))))
    @PostMapping("/drain")
    public ResponseEntity<ApiResponse> drain() {
        ClusterDrain found = drain.getIfAvailable();
        LeaseKeeper leases = keeper.getIfAvailable();
        if (found == null || leases == null) {
            throw new RejectedRequest(ApiResponse.invalid("mj.cluster.enabled",
                    "false: this instance runs alone and has no other instance to hand its accounts to"));
        }
        boolean already = found.started();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("instanceId", leases.instanceId());
        result.put("accounts", new TreeSet<>(leases.held()));
        result.put("drainTimeoutMillis", found.timeout().toMillis());
        if (!already) {
            DrainExit then = exit.getObject();
            // The exit closes the context, which waits for the drain: never on the drain's own thread.
            found.start().whenComplete((outcome, failure) -> new Thread(then::exit, "mj-cluster-exit").start());
        }
        String description = already ? "Already draining: the accounts are handed over as their running jobs end"
                : "Draining: the accounts take no new work and are handed over as their running jobs end (at most "
                        + found.timeout().toSeconds() + " s), then this instance exits";
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.success(description, result));
    }
}
