package dev.mjbridge.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.account.PoolReloader;

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

    private final PoolReloader reloader;

    AccountReloadController(PoolReloader reloader) {
        this.reloader = reloader;
    }

    /** Reads the file now: {@code {added, removed, changed, unchanged}} (account ids). */
    @Operation(summary = "Apply accounts.yml now")
    @PostMapping("/reload")
    public ApiResponse reload() {
        return answer(reloader.reload());
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
