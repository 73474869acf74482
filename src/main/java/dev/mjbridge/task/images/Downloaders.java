package dev.mjbridge.task.images;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.discord.HttpClients;
import dev.mjbridge.images.ImageDownloadSettings;
import dev.mjbridge.images.ImageDownloader;
import dev.mjbridge.task.Task;

/**
 * The downloader for a task's picture: through the proxy of the account that ran it, as its other
 * Discord traffic goes (where Discord is reachable only through a proxy, so is its CDN). One
 * downloader per proxy setting, each with its own bound on concurrent downloads.
 */
final class Downloaders {

    private static final String DIRECT = "";

    private final Function<Task, String> proxyOf;
    private final HttpClients clients;
    private final ImageDownloadSettings settings;
    private final Map<String, ImageDownloader> byProxy = new ConcurrentHashMap<>();

    /** @param proxyOf the proxy setting of the account that ran a task, null or blank for none */
    Downloaders(Function<Task, String> proxyOf, HttpClients clients, ImageDownloadSettings settings) {
        this.proxyOf = proxyOf;
        this.clients = clients;
        this.settings = settings;
    }

    /** The proxy setting of the account that ran a task in {@code pool}; null when it has none or is gone. */
    static Function<Task, String> accountProxy(AccountPool pool) {
        return task -> task.accountId() == null ? null
                : pool.find(task.accountId()).map(account -> account.config().proxy()).orElse(null);
    }

    ImageDownloader forTask(Task task) {
        String proxy = proxyOf.apply(task);
        String key = proxy == null || proxy.isBlank() ? DIRECT : proxy.strip();
        return byProxy.computeIfAbsent(key, k -> new ImageDownloader(clients.forProxy(k.isEmpty() ? null : k), settings));
    }
}
