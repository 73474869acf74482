package dev.mjbridge.account;

import java.time.Instant;

/** An account's state with the reason in words and since when it holds. */
public record AccountHealth(AccountState state, String reason, Instant since) {

    public static AccountHealth of(AccountState state, String reason) {
        return new AccountHealth(state, reason, Instant.now());
    }

    public boolean takesWork() {
        return state == AccountState.READY || state == AccountState.DEGRADED;
    }
}
