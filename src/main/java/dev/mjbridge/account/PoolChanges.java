package dev.mjbridge.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a new account list changes in the pool, account by account (matched by id): accounts
 * to build, to let go, to retune in place (only how work is scheduled changed, the session is
 * kept) and to reconnect (what the session is made of changed: token, user agent, guild,
 * channel, proxy or bot token).
 *
 * @param added     new ids, in the new list's order
 * @param removed   ids no longer listed, in the old list's order
 * @param retuned   the new configuration of accounts whose scheduling keys changed
 * @param reconnect the new configuration of accounts whose session must be made anew
 * @param unchanged ids whose configuration is the same
 */
public record PoolChanges(List<AccountConfig> added, List<String> removed, List<AccountConfig> retuned,
                          List<AccountConfig> reconnect, List<String> unchanged) {

    /** How one account's configuration changed. */
    public enum Kind {
        NONE,
        /** concurrency, queue, weight, modes, remark, bots, enabled, timeout, pacing, moderation keys: applied in place */
        SCHEDULING,
        /** credentials, guild, channel, proxy or bot token: a new session */
        CONNECTION
    }

    public PoolChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retuned = List.copyOf(retuned);
        reconnect = List.copyOf(reconnect);
        unchanged = List.copyOf(unchanged);
    }

    public static PoolChanges between(List<AccountConfig> before, List<AccountConfig> after) {
        Map<String, AccountConfig> old = new LinkedHashMap<>();
        before.forEach(c -> old.put(c.id(), c));
        Map<String, AccountConfig> next = new LinkedHashMap<>();
        after.forEach(c -> next.put(c.id(), c));
        List<AccountConfig> added = new ArrayList<>();
        List<AccountConfig> retuned = new ArrayList<>();
        List<AccountConfig> reconnect = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (AccountConfig config : next.values()) {
            AccountConfig previous = old.get(config.id());
            if (previous == null) {
                added.add(config);
                continue;
            }
            switch (kind(previous, config)) {
                case NONE -> unchanged.add(config.id());
                case SCHEDULING -> retuned.add(config);
                case CONNECTION -> reconnect.add(config);
            }
        }
        List<String> removed = old.keySet().stream().filter(id -> !next.containsKey(id)).toList();
        return new PoolChanges(added, removed, retuned, reconnect, unchanged);
    }

    /** How {@code after} differs from {@code before}, two configurations of the same account. */
    public static Kind kind(AccountConfig before, AccountConfig after) {
        if (before.equals(after)) {
            return Kind.NONE;
        }
        boolean sameSession = Objects.equals(before.userToken(), after.userToken())
                && Objects.equals(before.userAgent(), after.userAgent())
                && Objects.equals(before.guildId(), after.guildId())
                && Objects.equals(before.channelId(), after.channelId())
                && Objects.equals(before.proxy(), after.proxy())
                && Objects.equals(before.botToken(), after.botToken());
        return sameSession ? Kind.SCHEDULING : Kind.CONNECTION;
    }

    /** The ids whose configuration changed: the retuned ones, then the reconnected ones. */
    public List<String> changed() {
        List<String> ids = new ArrayList<>();
        retuned.forEach(c -> ids.add(c.id()));
        reconnect.forEach(c -> ids.add(c.id()));
        return ids;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && retuned.isEmpty() && reconnect.isEmpty();
    }

    /** The answer of a reload: ids only, never a configuration (it holds tokens). */
    public Summary summary() {
        return new Summary(added.stream().map(AccountConfig::id).toList(), removed, changed(), unchanged);
    }

    public record Summary(List<String> added, List<String> removed, List<String> changed, List<String> unchanged) {
    }
}
