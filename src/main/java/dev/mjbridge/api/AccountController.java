package dev.mjbridge.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountView;

/**
 * The account pool as clients may see it. {@link AccountView} carries no token by
 * construction, so nothing here can leak one.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/account", ApiPaths.MODE_ROOT + "/account"})
public class AccountController {

    private final AccountPool pool;

    AccountController(AccountPool pool) {
        this.pool = pool;
    }

    @Operation(summary = "The account pool (no tokens)", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200", description = "every account", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = AccountView.class)),
            examples = @ExampleObject(name = "accounts", ref = "#/components/examples/accounts"))))
    @GetMapping("/list")
    public List<AccountView> list() {
        return pool.accounts();
    }

    /** The account, or an empty body for an unknown id (as task fetch does). */
    @Operation(summary = "One account", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200", description = "the account; an empty body for an unknown id",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountView.class))))
    @GetMapping("/{id}/fetch")
    public ResponseEntity<AccountView> fetch(@PathVariable("id") String id) {
        return pool.account(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.ok().build());
    }
}
