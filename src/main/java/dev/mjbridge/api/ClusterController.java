package dev.mjbridge.api;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.cluster.ClusterOverview;
import dev.mjbridge.cluster.LeaseKeeper;

/**
 * {@code GET /mj/cluster}: this instance, the live instances and the account leases, as the shared
 * database sees them; {@code enabled: false} on an instance without {@code mj.cluster.enabled}.
 * Needs {@code mj-admin-secret}: it names the instances' addresses.
 */
@AdminOnly
@RestController
@RequestMapping({ApiPaths.ROOT + "/cluster", ApiPaths.MODE_ROOT + "/cluster"})
public class ClusterController {

    private final ObjectProvider<LeaseKeeper> keeper;

    ClusterController(ObjectProvider<LeaseKeeper> keeper) {
        this.keeper = keeper;
    }

    @Operation(summary = "The cluster: instances and account leases")
    @GetMapping
    public ApiResponse cluster() {
        LeaseKeeper found = keeper.getIfAvailable();
        ClusterOverview overview = found == null ? ClusterOverview.disabled() : found.overview();
        return ApiResponse.success(overview.enabled() ? "Cluster" : "Cluster off: this instance connects every account",
                overview);
    }
}
