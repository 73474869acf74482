package dev.mjbridge.discord;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link HttpClient} per distinct proxy setting, shared by every account that uses it
 * (REST and gateway alike). Each JDK client owns a selector thread and a connection pool,
 * so a client per account would cost a thread per account; all clients also share one
 * executor for their callbacks instead of a pool each.
 */
public final class HttpClients implements AutoCloseable {

    private static final String NO_PROXY = "";

    private final Map<String, HttpClient> byProxy = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    public HttpClients() {
        AtomicInteger count = new AtomicInteger();
        // Cached, as each JDK client's own default executor is: callbacks never wait for a free thread.
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mj-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The client for {@code proxy} ({@code host:port} or {@code http://host:port}; null or
     * blank for a direct connection). Spellings of the same proxy share one client.
     */
    public HttpClient forProxy(String proxy) {
        URI address = proxyUri(proxy);
        String key = address == null ? NO_PROXY : address.getHost().toLowerCase(Locale.ROOT) + ":" + address.getPort();
        return byProxy.computeIfAbsent(key, k -> build(address));
    }

    /** How many clients exist: one per distinct proxy setting in use. */
    public int size() {
        return byProxy.size();
    }

    private HttpClient build(URI proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor);
        if (proxy != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
        }
        return builder.build();
    }

    /**
     * {@code http://host:port} with the port made explicit (80 when absent), or null for no proxy.
     * The bot listener's own HTTP and websocket clients read the same setting through it.
     */
    static URI proxyUri(String proxy) {
        if (proxy == null || proxy.isBlank()) {
            return null;
        }
        String trimmed = proxy.trim();
        URI uri = URI.create(trimmed.contains("://") ? trimmed : "http://" + trimmed);
        return URI.create("http://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 80));
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
