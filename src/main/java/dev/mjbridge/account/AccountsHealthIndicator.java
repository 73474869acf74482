package dev.mjbridge.account;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Component {@code accounts} of the readiness group ({@code /actuator/health/readiness}): UP when at
 * least one account is READY (so a submit can be sent at once), or in sandbox mode, whose simulated
 * accounts are there to try the API; DOWN otherwise. Its details, shown only to the admin, give each
 * account's state, reason, and running and queued tasks: never anything of its configuration.
 * <p>
 * Not part of {@code /actuator/health} itself ({@link ReadinessOnlyHealth}): an instance whose
 * accounts reconnect is alive, and must not be restarted for it.
 */
public final class AccountsHealthIndicator implements HealthIndicator {

    /** The component's name: the bean is registered under it plus {@code HealthIndicator}. */
    public static final String NAME = "accounts";

    private final AccountPool pool;

    public AccountsHealthIndicator(AccountPool pool) {
        this.pool = pool;
    }

    @Override
    public Health health() {
        Map<String, Object> accounts = new LinkedHashMap<>();
        long ready = 0;
        for (Account account : pool.shown()) {
            AccountHealth health = account.health();
            if (health.state() == AccountState.READY && !account.leaving()) {
                ready++;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", health.state().name());
            detail.put("reason", health.reason());
            detail.put("running", account.slots().running());
            detail.put("queued", account.slots().queued());
            accounts.put(account.id(), detail);
        }
        Health.Builder builder = ready > 0 || pool.sandbox() ? Health.up() : Health.down();
        return builder.withDetail("ready", ready).withDetail("sandbox", pool.sandbox())
                .withDetail("accounts", accounts).build();
    }
}
