package dev.mjbridge.account;

import java.util.Set;

/**
 * A client's {@code accountFilter}: narrows which accounts may take a task. Null or
 * empty members do not filter.
 */
public record AccountFilter(String instanceId, String channelId, Set<SpeedMode> modes, Boolean remix) {

    public static final AccountFilter NONE = new AccountFilter(null, null, Set.of(), null);

    public AccountFilter {
        modes = modes == null ? Set.of() : Set.copyOf(modes);
        instanceId = blankToNull(instanceId);
        channelId = blankToNull(channelId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
