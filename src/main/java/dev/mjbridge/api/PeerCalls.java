package dev.mjbridge.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import dev.mjbridge.cluster.ClusterDirectory;

/**
 * Calls another instance of the cluster on a client's behalf: the same path, query and body, the
 * client's own secret headers passed on as they came (never logged, never shown), and a header naming
 * this instance so the call is answered where it lands and never sent on again. The HTTP client is
 * made at the first call: an instance without a cluster never makes one.
 */
@Component
final class PeerCalls {

    /** Set on a call from another instance: answer here, never forward again. Its value names the caller. */
    static final String FORWARDED = "mj-cluster-forwarded";
    /** Asks for this instance's own accounts only (the account list gathered from every instance). */
    static final String LOCAL_ONLY = "mj-cluster-local";
    /** The longest wait for a connection to another instance. */
    static final Duration CONNECT = Duration.ofSeconds(2);

    private static final List<String> PASSED_ON = List.of(AdminSecretInterceptor.HEADER, ApiSecretFilter.HEADER,
            "Content-Type", "Accept");

    /** What the other instance answered, as it was. */
    record Answer(int status, String contentType, byte[] body) {

        /** Answers the client's call with it, unchanged. */
        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            response.setContentType(contentType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private volatile HttpClient client;

    /**
     * @param from    the client's request: its path and query, and the headers passed on
     * @param body    the request body (empty for none)
     * @param me      this instance's id (the {@link #FORWARDED} header)
     * @param timeout the longest wait for the whole answer
     * @return the answer; completes exceptionally with a {@link Unreachable} saying why none came
     */
    CompletableFuture<Answer> call(ClusterDirectory.Peer peer, HttpServletRequest from, byte[] body, String me,
                                   Duration timeout, boolean localOnly) {
        String query = from.getQueryString();
        String target = from.getRequestURI() + (query == null ? "" : "?" + query);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://" + host(peer.address()) + ":" + peer.port() + target))
                    .timeout(timeout).method(from.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new Unreachable(peer, "its address is not usable"));
        }
        for (String name : PASSED_ON) {
            String value = from.getHeader(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        request.header(FORWARDED, me);
        if (localOnly) {
            request.header(LOCAL_ONLY, "true");
        }
        return client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        // The exception's type says enough (refused, timed out); its message may carry the address only.
                        throw new Unreachable(peer, cause.getClass().getSimpleName());
                    }
                    return new Answer(response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
                });
    }

    /** Why no answer came from an instance. */
    static final class Unreachable extends RuntimeException {
        Unreachable(ClusterDirectory.Peer peer, String why) {
            super("instance " + peer.id() + " did not answer (" + why + ")", null, false, false);
        }
    }

    /** The reason a future of {@link #call} failed, for an answer to the client. */
    static String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof Unreachable ? cause.getMessage() : "the call failed (" + cause.getClass().getSimpleName()
                + ")";
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }

    private static String host(String address) {
        return address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
