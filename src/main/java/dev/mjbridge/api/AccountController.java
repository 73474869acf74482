package dev.mjbridge.api;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountView;
import dev.mjbridge.cluster.ClusterDirectory;

/**
 * The account pool as clients may see it. {@link AccountView} carries no token by
 * construction, so nothing here can leak one. In a cluster every instance lists every account, each as
 * the instance holding it shows it ({@link ClusterAccountList}).
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/account", ApiPaths.MODE_ROOT + "/account"})
public class AccountController {

    private final AccountPool pool;
    private final ObjectProvider<ClusterDirectory> cluster;
    private final ClusterAccountList clusterAccounts;

    AccountController(AccountPool pool, ObjectProvider<ClusterDirectory> cluster, ClusterAccountList clusterAccounts) {
        this.pool = pool;
        this.cluster = cluster;
        this.clusterAccounts = clusterAccounts;
    }

    /** The cluster, unless there is none or another instance asks for this one's own accounts. */
    private ClusterDirectory wholeCluster(HttpServletRequest request) {
        return request.getHeader(PeerCalls.LOCAL_ONLY) != null ? null : cluster.getIfAvailable();
    }

    @Operation(summary = "The account pool (no tokens)", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200", description = "every account", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = AccountView.class)),
            examples = @ExampleObject(name = "accounts", ref = "#/components/examples/accounts"))))
    @GetMapping("/list")
    public List<?> list(HttpServletRequest request) {
        ClusterDirectory whole = wholeCluster(request);
        return whole == null ? pool.accounts() : clusterAccounts.list(whole, request);
    }

    /** The account, or an empty body for an unknown id (as task fetch does). */
    @Operation(summary = "One account", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200", description = "the account; an empty body for an unknown id",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountView.class))))
    @GetMapping("/{id}/fetch")
    public ResponseEntity<?> fetch(@PathVariable("id") String id, HttpServletRequest request) {
        ClusterDirectory whole = wholeCluster(request);
        Optional<?> found = whole == null ? pool.account(id) : clusterAccounts.fetch(whole, id, request);
        return found.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.ok().build());
    }
}
