package dev.mjbridge.notify;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a client-supplied {@code notifyHook} may be called (SSRF guard). The API
 * layer asks at submit time (answer code 4 with the reason); the notifier asks again before
 * every delivery, because the name may resolve elsewhere by then (DNS rebinding). The
 * operator's global hook is trusted and never passes through here.
 *
 * <p>Always refused: schemes other than http/https, cloud metadata names and addresses,
 * link-local and multicast addresses. With {@code mj.notify.allow-hosts} only those hosts
 * pass; with {@code mj.notify.refuse-private} loopback and private networks are refused
 * too. Both apply together. Every address a name resolves to is checked, since the HTTP
 * client may connect to any of them.
 */
@Component
public final class NotifyHookPolicy {

    private static final int MAX_URL_LENGTH = 2048;
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal");

    private final NotifyProperties properties;
    private final HostResolver resolver;

    @Autowired
    public NotifyHookPolicy(NotifyProperties properties) {
        this(properties, HostResolver.SYSTEM);
    }

    NotifyHookPolicy(NotifyProperties properties, HostResolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    /**
     * Why the URL may not be used as a webhook, or empty when it may. Resolves the host
     * name, so it may block for a DNS lookup.
     */
    public Optional<String> refusalReason(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("notifyHook is empty");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("notifyHook is longer than " + MAX_URL_LENGTH + " characters");
        }
        Optional<URI> parsed = HookUrls.parse(url);
        if (parsed.isEmpty()) {
            return Optional.of("notifyHook is not an absolute URL with a host");
        }
        URI uri = parsed.get();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("notifyHook must use http or https");
        }
        String host = HookUrls.host(uri);
        if (METADATA_HOSTS.contains(host)) {
            return Optional.of("notifyHook names a cloud metadata service");
        }
        if (!properties.allowHosts().isEmpty() && !allowListed(host)) {
            return Optional.of("notifyHook host " + host + " is not in mj.notify.allow-hosts");
        }
        return checkAddresses(host);
    }

    private Optional<String> checkAddresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("notifyHook host " + host + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("notifyHook host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (AddressRanges.alwaysRefused(address)) {
                return Optional.of("notifyHook points to a link-local or cloud metadata address");
            }
            if (properties.refusePrivate() && AddressRanges.isPrivate(address)) {
                return Optional.of("notifyHook points to a loopback or private address");
            }
        }
        return Optional.empty();
    }

    private boolean allowListed(String host) {
        for (String allowed : properties.allowHosts()) {
            String entry = allowed.endsWith(".") ? allowed.substring(0, allowed.length() - 1) : allowed;
            if (entry.startsWith("[") && entry.endsWith("]")) {
                entry = entry.substring(1, entry.length() - 1);
            }
            if (entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : host.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
