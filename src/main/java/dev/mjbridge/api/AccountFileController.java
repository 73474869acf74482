package dev.mjbridge.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.account.AccountEdits;
import dev.mjbridge.account.AccountPool;

/**
 * Adds, changes and removes accounts by editing accounts.yml, which stays the one source of the
 * pool: each call edits the file (keeping the operator's comments), checks it whole, writes it
 * atomically and applies it as a reload would. Needs {@code mj-admin-secret}. A file changed on
 * disk since it was last applied is not overwritten: code 4, reload first.
 */
@AdminOnly
@RestController
@RequestMapping({ApiPaths.ROOT + "/account", ApiPaths.MODE_ROOT + "/account"})
public class AccountFileController {

    private final AccountEdits edits;
    private final AccountPool pool;

    AccountFileController(AccountEdits edits, AccountPool pool) {
        this.edits = edits;
        this.pool = pool;
    }

    /** A new account: a JSON object with the keys of accounts.yml; answers the account. */
    @Operation(summary = "Add an account to accounts.yml")
    @PostMapping("/create")
    public ApiResponse create(@RequestBody AccountKeysRequest body) {
        Map<String, Object> account = AccountFields.of(body.keys(), false);
        return answer(edits.create(account), "created");
    }

    /** Changes the keys given; a JSON null removes a key (its default applies). Answers the account. */
    @Operation(summary = "Change keys of an account in accounts.yml")
    @PutMapping("/{id}")
    public ApiResponse update(@PathVariable("id") String id, @RequestBody AccountKeysRequest body) {
        Map<String, Object> changes = AccountFields.of(body.keys(), true);
        if (changes.containsKey("id") && !id.equals(changes.get("id"))) {
            throw RejectedRequest.invalid("id", "cannot be changed; delete the account and create it anew");
        }
        return answer(edits.update(id, changes), "updated");
    }

    /** Removes the account from the file: it takes no new work and leaves once its running tasks end. */
    @Operation(summary = "Remove an account from accounts.yml")
    @DeleteMapping("/{id}")
    public ApiResponse delete(@PathVariable("id") String id) {
        AccountEdits.Result result = edits.delete(id);
        if (result instanceof AccountEdits.Result.Done done) {
            return ApiResponse.success("Account " + done.id() + " removed", done.id());
        }
        return refusal(result);
    }

    private ApiResponse answer(AccountEdits.Result result, String what) {
        if (result instanceof AccountEdits.Result.Done done) {
            return ApiResponse.success("Account " + done.id() + " " + what, pool.account(done.id()).orElse(null));
        }
        return refusal(result);
    }

    private static ApiResponse refusal(AccountEdits.Result result) {
        if (result instanceof AccountEdits.Result.NotFound notFound) {
            return ApiResponse.notFound("Account not found: " + ClientText.quote(notFound.id()));
        }
        throw AccountReloadController.refused(((AccountEdits.Result.Refused) result).reason());
    }
}
