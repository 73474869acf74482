package dev.mjbridge.api;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSyncer;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The operator's hand on the pool: take an account out of rotation, or put it back after
 * fixing what Midjourney complained about. Needs {@code mj-admin-secret} (see
 * {@link AdminSecretInterceptor}); answers the account as {@code /mj/account/{id}/fetch} does.
 * In a cluster, a call on an account another instance holds is answered by that instance
 * ({@link OwnerForwarding}).
 */
@AdminOnly
@RestController
@RequestMapping({ApiPaths.ROOT + "/account", ApiPaths.MODE_ROOT + "/account"})
public class AccountAdminController {

    /** Long enough for a sentence, short enough for a log line and the account list. */
    static final int MAX_REASON = DisableRequest.MAX_REASON;

    private final AccountPool pool;
    private final AccountSyncer syncer;

    AccountAdminController(AccountPool pool, AccountSyncer syncer) {
        this.pool = pool;
        this.syncer = syncer;
    }

    /**
     * Runs the account's {@code /info} and {@code /settings} sync now (or joins the one running) and
     * answers the account once it ended; code 4 with the reason (and the account) when a command was
     * refused or got no answer in time. A disabled account is not synced.
     */
    @Operation(summary = "Run the account's /info and /settings now")
    @PostMapping("/{id}/sync")
    @OwnerAnswers(timeoutSeconds = 300)
    public DeferredResult<ApiResponse> sync(@PathVariable("id") String id) {
        Optional<Account> found = pool.find(id);
        if (found.isEmpty()) {
            return AsyncAnswers.of(CompletableFuture.completedFuture(notFound(id)), java.time.Duration.ofSeconds(1),
                    notFound(id));
        }
        Account account = found.get();
        if (account.disabled()) {
            ApiResponse refused = new ApiResponse(ResultCode.INVALID, "Account " + account.id()
                    + " is disabled and is not synced (" + account.health().reason() + ")", account.view(), Map.of());
            return AsyncAnswers.of(CompletableFuture.completedFuture(refused), java.time.Duration.ofSeconds(1), refused);
        }
        CompletableFuture<ApiResponse> answer = syncer.sync(account).thenApply(error -> error == null
                ? ApiResponse.success("Account " + account.id() + " synced", account.view())
                : new ApiResponse(ResultCode.INVALID, "Sync of account " + account.id() + " failed: " + error,
                        account.view(), Map.of()));
        ApiResponse late = ApiResponse.failure("Sync of account " + account.id() + " did not end in time");
        return AsyncAnswers.of(answer, syncer.longest(account).plusSeconds(5), late);
    }

    /** Re-enables the account: it reconnects if needed and takes work again, as configured in accounts.yml. */
    @Operation(summary = "Put an account back into rotation")
    @PostMapping("/{id}/enable")
    @OwnerAnswers
    public ApiResponse enable(@PathVariable("id") String id) {
        return pool.enable(id).map(view -> ApiResponse.success("Account " + view.id() + " enabled", view))
                .orElseGet(() -> notFound(id));
    }

    /**
     * Takes the account out of selection with the operator's reason ({@code {"reason": "..."}},
     * optional). It just gets no new work: tasks already running or queued on it carry on.
     */
    @Operation(summary = "Take an account out of rotation, with a reason")
    @PostMapping("/{id}/disable")
    @OwnerAnswers
    public ApiResponse disable(@PathVariable("id") String id,
                               @Valid @RequestBody(required = false) DisableRequest body) {
        String reason = body == null ? null : body.reason();
        String shown = reason == null ? "disabled by an operator"
                : "disabled by an operator: " + reason.replaceAll("\\p{Cntrl}", " ");
        return pool.disable(id, shown).map(view -> ApiResponse.success("Account " + view.id() + " disabled", view))
                .orElseGet(() -> notFound(id));
    }

    /**
     * Closes the account's gateway session and opens it again (no change to accounts.yml): it
     * resumes when Discord lets it, so events missed meanwhile are replayed.
     */
    @Operation(summary = "Reconnect an account's gateway session")
    @PostMapping("/{id}/reconnect")
    @OwnerAnswers
    public ApiResponse reconnect(@PathVariable("id") String id) {
        return pool.reconnect(id).map(view -> ApiResponse.success("Account " + view.id() + " reconnecting", view))
                .orElseGet(() -> notFound(id));
    }

    private static ApiResponse notFound(String id) {
        return ApiResponse.notFound("Account not found: " + ClientText.quote(id));
    }
}
