package dev.mjbridge.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountView;
import dev.mjbridge.cluster.ClusterDirectory;

/**
 * The account list of a whole cluster, the same on every instance: each account as the instance
 * holding it shows it, asked over HTTP with a short timeout ({@link PeerCalls#LOCAL_ONLY}), in the
 * order of accounts.yml. An account whose holder did not answer, or that no instance holds right now,
 * is shown from its accounts.yml entry with state {@code UNKNOWN} and the reason: never an error.
 */
@Component
final class ClusterAccountList {

    /** State of an account whose holder could not be asked. */
    static final String UNKNOWN = "UNKNOWN";
    /** How long the list waits for the other instances. */
    static final Duration ASK = Duration.ofSeconds(2);
    private static final String NOBODY = "held by no instance right now (it is being handed over)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountPool pool;
    private final PeerCalls peers;

    ClusterAccountList(AccountPool pool, PeerCalls peers) {
        this.pool = pool;
        this.peers = peers;
    }

    /** Every account of the cluster: this instance's views and the others' answers, as JSON objects. */
    List<Object> list(ClusterDirectory cluster, HttpServletRequest request) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (AccountView local : pool.accounts()) {
            shown.put(local.id(), local);
        }
        ClusterDirectory.Snapshot snapshot;
        String unread = null;
        try {
            snapshot = cluster.snapshot();
        } catch (DataAccessException e) {
            snapshot = new ClusterDirectory.Snapshot(List.of(), Map.of());
            unread = "its holder is not known: the cluster database could not be read";
        }
        Map<String, String> silent = new LinkedHashMap<>();
        Map<String, CompletableFuture<PeerCalls.Answer>> asked = new LinkedHashMap<>();
        for (ClusterDirectory.Peer peer : snapshot.others()) {
            asked.put(peer.id(), peers.call(peer, request, new byte[0], cluster.me(), ASK, true));
        }
        Map<String, JsonNode> remote = new LinkedHashMap<>();
        asked.forEach((instance, answer) -> {
            try {
                PeerCalls.Answer got = answer.join();
                JsonNode accounts = got.status() == 200 ? JSON.readTree(got.body()) : null;
                if (accounts == null || !accounts.isArray()) {
                    silent.put(instance, "it answered HTTP " + got.status());
                    return;
                }
                accounts.forEach(a -> remote.putIfAbsent(a.path("id").asString(), a));
            } catch (CompletionException e) {
                silent.put(instance, PeerCalls.why(e));
            } catch (RuntimeException e) {
                silent.put(instance, "its answer could not be read");
            }
        });
        List<Object> merged = new ArrayList<>();
        for (AccountConfig config : pool.configs()) {
            Object found = shown.remove(config.id());
            if (found == null) {
                found = remote.get(config.id());
            }
            String reason = unread != null ? unread : reasonUnknown(snapshot.owners().get(config.id()), silent);
            merged.add(found != null ? found : unknown(config, reason));
        }
        // Accounts on their way out of this instance's pool (removed from accounts.yml) come last, as alone.
        merged.addAll(shown.values());
        return merged;
    }

    /** One account: this instance's view, else its holder's, else its accounts.yml entry with state UNKNOWN. */
    Optional<Object> fetch(ClusterDirectory cluster, String id, HttpServletRequest request) {
        Optional<AccountView> local = pool.account(id);
        if (local.isPresent()) {
            return Optional.of(local.get());
        }
        Optional<AccountConfig> config = pool.configs().stream().filter(c -> c.id().equals(id)).findFirst();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        ClusterDirectory.Holder holder = cluster.holderOf(id);
        String reason;
        if (holder instanceof ClusterDirectory.Holder.Elsewhere elsewhere) {
            try {
                PeerCalls.Answer got = peers.call(elsewhere.peer(), request, new byte[0], cluster.me(), ASK, true)
                        .join();
                JsonNode account = got.status() == 200 && got.body().length > 0 ? JSON.readTree(got.body()) : null;
                if (account != null && account.isObject()) {
                    return Optional.of(account);
                }
                reason = "held by instance " + elsewhere.peer().id() + ", which does not show it (it is being handed over)";
            } catch (CompletionException e) {
                reason = "held by another instance: " + PeerCalls.why(e);
            } catch (RuntimeException e) {
                reason = "held by instance " + elsewhere.peer().id() + ", whose answer could not be read";
            }
        } else if (holder instanceof ClusterDirectory.Holder.Unknown unknown) {
            reason = "its holder is not known: " + unknown.reason();
        } else {
            reason = NOBODY;
        }
        return Optional.of(unknown(config.get(), reason));
    }

    private static String reasonUnknown(String owner, Map<String, String> silent) {
        if (owner == null) {
            return NOBODY;
        }
        String why = silent.get(owner);
        return why != null ? "held by another instance: " + why
                : "held by instance " + owner + ", which does not show it (it is being handed over)";
    }

    /** An account shown from its accounts.yml entry: the fields of {@link AccountView}, its state UNKNOWN. */
    static Map<String, Object> unknown(AccountConfig c, String reason) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("guildId", c.guildId());
        view.put("channelId", c.channelId());
        view.put("enabled", c.enabled());
        view.put("state", UNKNOWN);
        view.put("stateReason", reason);
        view.put("stateSince", System.currentTimeMillis());
        view.put("mode", c.mode());
        view.put("allowModes", c.allowModes());
        view.put("botTypes", c.botTypes());
        view.put("concurrency", c.concurrency());
        view.put("queueSize", c.queueSize());
        view.put("running", 0);
        view.put("queued", 0);
        view.put("weight", c.weight());
        view.put("remark", c.remark());
        view.put("remixAutoSubmit", c.remixAutoSubmit());
        view.put("remix", null);
        view.put("sandbox", false);
        view.put("usage", null);
        view.put("disabledUntil", null);
        view.put("listener", null);
        view.put("info", null);
        return view;
    }
}
