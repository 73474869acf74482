package dev.mjbridge.api;

import dev.mjbridge.account.SpeedMode;

/**
 * Every endpoint answers under {@code /mj} and under a mode prefix
 * ({@code /mj-fast/mj}, {@code /mj-relax/mj}, {@code /mj-turbo/mj}): relays put the
 * prefix in their base URL and then call fetch and list under it too.
 */
final class ApiPaths {

    static final String ROOT = "/mj";
    static final String MODE_ROOT = "/mj-{mode:fast|relax|turbo}/mj";
    static final String MODE_VARIABLE = "mode";

    private ApiPaths() {
    }

    /** The mode of the prefix, null without one (the account's own mode applies). */
    static SpeedMode mode(String prefixValue) {
        return SpeedMode.parse(prefixValue).orElse(null);
    }

    /** Submits answer HTTP 200 whatever happens; clients read {@code code}. */
    static boolean isSubmit(String requestUri) {
        return requestUri != null && requestUri.contains("/mj/submit/");
    }
}
