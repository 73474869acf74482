package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What every {@code /api/v9|v10} call passes first, in Discord's order: injected
 * faults, then authentication (401), then the per-token rate limit (429 with
 * {@code Retry-After} and {@code X-RateLimit-*}). The authenticated user is left in
 * the request attribute {@link #USER}.
 */
public final class RestGate implements HandlerInterceptor {

    public static final String USER = "sandbox.user";

    private final World world;
    private final RestFaults faults;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final Recorder recorder;

    public RestGate(World world, RestFaults faults, RateLimiter limiter, ObjectMapper json, Recorder recorder) {
        this.world = world;
        this.faults = faults;
        this.limiter = limiter;
        this.json = json;
        this.recorder = recorder;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Optional<RestFaults.Fault> fault = faults.take();
        if (fault.isPresent()) {
            recordFaultedInteraction(request, fault.get());
            writeFault(response, fault.get());
            return false;
        }
        if (request.getRequestURI().endsWith("/gateway")) {
            return true; // Discord serves GET /gateway without a token.
        }
        Optional<SandboxUser> user = world.authenticate(request.getHeader("Authorization"));
        if (user.isEmpty()) {
            write(response, 401, DiscordErrors.body("401: Unauthorized", 0));
            return false;
        }
        RateLimiter.Verdict verdict = limiter.check(user.get().id() + ":" + request.getMethod());
        if (verdict.limit() > 0) {
            response.setHeader("X-RateLimit-Limit", Integer.toString(verdict.limit()));
            response.setHeader("X-RateLimit-Remaining", Integer.toString(verdict.remaining()));
            response.setHeader("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", verdict.resetAtMillis() / 1000.0));
            response.setHeader("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", verdict.resetAfterSeconds()));
            response.setHeader("X-RateLimit-Bucket", Integer.toHexString((user.get().id() + request.getMethod()).hashCode()));
        }
        if (!verdict.allowed()) {
            writeRateLimited(response, verdict.resetAfterSeconds(), false);
            return false;
        }
        request.setAttribute(USER, user.get());
        return true;
    }

    /** Keeps what a refused {@code POST /interactions} carried, so a test can see that the retry repeats it. */
    private void recordFaultedInteraction(HttpServletRequest request, RestFaults.Fault fault) throws IOException {
        if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/interactions")
                || request.getContentType() == null || !request.getContentType().startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            return;
        }
        JsonNode payload;
        try {
            payload = json.readTree(request.getInputStream());
        } catch (JacksonException e) {
            return;
        }
        if (payload == null || !payload.isObject()) {
            return;
        }
        String userId = world.authenticate(request.getHeader("Authorization")).map(SandboxUser::id).orElse(null);
        String nonce = payload.path("nonce").isString() ? payload.path("nonce").asString() : null;
        recorder.faulted(new Recorder.ReceivedInteraction(null, userId, payload.path("type").asInt(-1), nonce, payload,
                System.currentTimeMillis(), fault.status()));
    }

    private void writeFault(HttpServletResponse response, RestFaults.Fault fault) throws IOException {
        if (fault.status() == 429) {
            if (!fault.global()) {
                // A route 429 from Discord carries its bucket's headers; a global one does not.
                long resetAt = System.currentTimeMillis() + Math.round(fault.retryAfterSeconds() * 1000);
                response.setHeader("X-RateLimit-Limit", Integer.toString(Math.max(1, limiter.limit())));
                response.setHeader("X-RateLimit-Remaining", "0");
                response.setHeader("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", resetAt / 1000.0));
                response.setHeader("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", fault.retryAfterSeconds()));
                response.setHeader("X-RateLimit-Bucket", "sandbox-injected");
            }
            writeRateLimited(response, fault.retryAfterSeconds(), fault.global());
            return;
        }
        write(response, fault.status(), DiscordErrors.body(fault.status() + ": Sandbox injected failure", 0));
    }

    private void writeRateLimited(HttpServletResponse response, double retryAfterSeconds, boolean global) throws IOException {
        response.setHeader("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)));
        if (global) {
            response.setHeader("X-RateLimit-Global", "true");
        }
        response.setHeader("X-RateLimit-Scope", global ? "global" : "user");
        ObjectNode body = DiscordErrors.body("You are being rate limited.", 0);
        body.put("retry_after", retryAfterSeconds);
        body.put("global", global);
        write(response, 429, body);
    }

    private void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(body));
    }
}
