package dev.mjbridge.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * With {@code mj.rate-limit.per-minute} set, each client IP gets a token bucket of that
 * size for {@code /mj/**}; a request finding it empty answers 429 with {@code Retry-After}
 * and a code-4 envelope. It runs before the api secret check, so guessing secrets is
 * limited too.
 * <p>
 * The client is {@link HttpServletRequest#getRemoteAddr()}: behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that it is the client's address, not the
 * proxy's. Forwarded headers are not read here because any client can forge them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** Clients tracked at once; beyond it the least recently seen are forgotten. */
    private static final int MAX_CLIENTS = 10_000;

    private final int perMinute;
    /** A bucket untouched for a whole period is full again, so forgetting it then changes nothing. */
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS)
            .expireAfterAccess(PERIOD)
            .build();

    public RateLimitFilter(RateLimitProperties properties) {
        this.perMinute = properties.perMinute();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perMinute == 0 || "OPTIONS".equals(request.getMethod()) || !isApiPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = System.nanoTime();
        String client = request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
        long waitNanos = buckets.get(client, ip -> new TokenBucket(perMinute, PERIOD.toNanos(), now)).take(now);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ErrorBodies.write(response, 429, new ApiResponse(ResultCode.INVALID, "Too many requests: at most "
                + perMinute + " per minute from one client; retry after " + retryAfter + " s", null, Map.of()));
    }

    private static boolean isApiPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        // As the api secret filter: "/mj" also covers "/mj-fast/...".
        return (servletPath + pathInfo).startsWith(ApiPaths.ROOT);
    }
}
