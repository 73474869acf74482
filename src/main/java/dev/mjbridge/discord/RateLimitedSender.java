package dev.mjbridge.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends one account's REST requests within Discord's rate limits (see docs/reliability.md).
 *
 * <p>Requests are queued per bucket and each bucket sends one request at a time, in order:
 * the next leaves when the previous one's answer told how much of the bucket is left. A
 * route whose bucket Discord has not named yet is a bucket of its own until the first
 * answer brings {@code X-RateLimit-Bucket}; routes with the same bucket name and the same
 * major parameter then share one queue. A bucket that is empty ({@code Remaining: 0}) waits
 * for its reset, a 429 blocks its bucket (or, when global, every bucket) for
 * {@code retry_after} but at least a floor that doubles with each 429 of the same request,
 * and at most {@code globalRequestsPerSecond} requests leave per second. No thread waits:
 * a bucket that must wait schedules its next send.
 *
 * <p>A 429 is waited out up to {@code maxRateLimitWaits} times, a 5xx or network error is
 * sent again (the same body, so the same nonce) up to {@code maxServerErrorRetries} times with
 * backoff; the retried request keeps its place at the head of its bucket. Other answers,
 * 4xx included, complete the future: what they mean is the caller's business.
 */
public final class RateLimitedSender {

    private static final Logger log = LoggerFactory.getLogger(RateLimitedSender.class);
    private static final long WINDOW_MS = 1_000;

    /**
     * One request.
     *
     * @param route       its rate-limit route
     * @param description method and path, for errors and logs (never a token)
     * @param send        sends it once more; called again, unchanged, for every retry
     */
    public record Request(RestRoute route, String description, Supplier<CompletableFuture<RestResponse>> send) {
    }

    private static final class Pending {
        final Request request;
        /** The route as the REST meters name it (uploads share one: their URLs differ per file). */
        final String meteredRoute;
        final CompletableFuture<RestResponse> result = new CompletableFuture<>();
        int rateLimitWaits;
        int serverRetries;
        long notBefore;
        /** When the current attempt left, for the REST meters. */
        long sentAtNanos;

        Pending(Request request, String meteredRoute) {
            this.request = request;
            this.meteredRoute = meteredRoute;
        }
    }

    /** One bucket's queue and what Discord last said about it. Guarded by the sender. */
    private static final class Bucket {
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        /** Registered under Discord's name for it; until then it serves one route only. */
        boolean named;
        /** A request is in flight, or a wake-up is scheduled: nobody else may send. */
        boolean busy;
        int limit = -1;
        int remaining = -1;
        long resetAtMillis = -1;
    }

    private final String accountId;
    private final ObjectMapper json;
    private final Clock clock;
    private final RestScheduler scheduler;
    private final RestRetryPolicy policy;
    private final RestMeters meters;

    // Guarded by "this"; no I/O and no callbacks run under it.
    private final Map<String, Bucket> bucketOfRoute = new HashMap<>();
    private final Map<String, String> bucketNameOfTemplate = new HashMap<>();
    private final Map<String, Bucket> bucketOfName = new HashMap<>();
    private long globalBlockedUntil;
    private long windowStart = Long.MIN_VALUE / 2;
    private int windowCount;

    public RateLimitedSender(String accountId, ObjectMapper json, Clock clock, RestScheduler scheduler,
                             RestRetryPolicy policy) {
        this(accountId, json, clock, scheduler, policy, RestMeters.none());
    }

    public RateLimitedSender(String accountId, ObjectMapper json, Clock clock, RestScheduler scheduler,
                             RestRetryPolicy policy, RestMeters meters) {
        this.meters = meters;
        this.accountId = accountId;
        this.json = json;
        this.clock = clock;
        this.scheduler = scheduler;
        this.policy = policy;
    }

    /** Queues a request to Discord's API in its bucket. */
    public CompletableFuture<RestResponse> submit(Request request) {
        Pending pending = new Pending(request, request.route().template());
        Bucket bucket;
        synchronized (this) {
            bucket = bucketFor(request.route());
            bucket.queue.addLast(pending);
        }
        pump(bucket);
        return pending.result;
    }

    /**
     * Sends a request that Discord's API limits do not cover (a storage host's upload URL)
     * at once, outside any bucket; failures are retried as for any other request.
     */
    public CompletableFuture<RestResponse> submitUnqueued(Request request) {
        Pending pending = new Pending(request, RestMeters.UPLOAD_ROUTE);
        transmit(pending, null);
        return pending.result;
    }

    // ---- buckets ---------------------------------------------------------------------

    private Bucket bucketFor(RestRoute route) {
        Bucket bucket = bucketOfRoute.get(route.key());
        if (bucket == null) {
            String name = bucketNameOfTemplate.get(route.template());
            bucket = name == null ? new Bucket() : bucketNamed(name + " " + route.major());
            bucketOfRoute.put(route.key(), bucket);
        }
        return bucket;
    }

    private Bucket bucketNamed(String key) {
        return bucketOfName.computeIfAbsent(key, k -> {
            Bucket bucket = new Bucket();
            bucket.named = true;
            return bucket;
        });
    }

    /** Takes in what an answer says about the route's bucket; moves the route when Discord names its bucket. */
    private Bucket learn(RestRoute route, RateLimitHeaders headers) {
        Bucket current = bucketFor(route);
        if (headers.bucket() != null) {
            bucketNameOfTemplate.put(route.template(), headers.bucket());
            String key = headers.bucket() + " " + route.major();
            Bucket target = bucketOfName.get(key);
            if (target == null && !current.named) {
                current.named = true;
                bucketOfName.put(key, current);
                target = current;
            } else if (target == null) {
                target = bucketNamed(key);
            }
            if (target != current) {
                moveRoute(route, current, target);
                current = target;
            }
        }
        if (headers.limit() > 0) {
            current.limit = headers.limit();
        }
        if (headers.remaining() >= 0) {
            current.remaining = headers.remaining();
            current.resetAtMillis = Math.max(headers.resetAtMillis(), current.remaining == 0 ? current.resetAtMillis : -1);
        }
        return current;
    }

    /** The route's waiting requests follow it to its new bucket, in their order, behind what waits there. */
    private void moveRoute(RestRoute route, Bucket from, Bucket to) {
        for (Iterator<Pending> it = from.queue.iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (pending.request.route().key().equals(route.key())) {
                it.remove();
                to.queue.addLast(pending);
            }
        }
        bucketOfRoute.put(route.key(), to);
    }

    // ---- sending ---------------------------------------------------------------------

    private void pump(Bucket bucket) {
        Pending next = null;
        long wait;
        synchronized (this) {
            if (bucket.busy || bucket.queue.isEmpty()) {
                return;
            }
            long now = clock.millis();
            wait = waitBefore(bucket, bucket.queue.peekFirst(), now);
            bucket.busy = true;
            if (wait <= 0) {
                next = bucket.queue.pollFirst();
                consume(bucket, now);
            }
        }
        if (next != null) {
            transmit(next, bucket);
        } else {
            scheduler.schedule(() -> wake(bucket), wait);
        }
    }

    private void wake(Bucket bucket) {
        synchronized (this) {
            bucket.busy = false;
        }
        pump(bucket);
    }

    private long waitBefore(Bucket bucket, Pending head, long now) {
        long wait = Math.max(globalBlockedUntil - now, head.notBefore - now);
        if (bucket.remaining == 0 && bucket.resetAtMillis > now) {
            wait = Math.max(wait, bucket.resetAtMillis - now);
        }
        if (policy.globalRequestsPerSecond() > 0 && windowCount >= policy.globalRequestsPerSecond()
                && now - windowStart < WINDOW_MS) {
            wait = Math.max(wait, windowStart + WINDOW_MS - now);
        }
        return wait;
    }

    private void consume(Bucket bucket, long now) {
        if (bucket.remaining == 0 && bucket.resetAtMillis <= now) {
            bucket.remaining = bucket.limit > 0 ? bucket.limit : -1; // the window has reset
        }
        if (bucket.remaining > 0) {
            bucket.remaining--;
        }
        if (now - windowStart >= WINDOW_MS) {
            windowStart = now;
            windowCount = 0;
        }
        windowCount++;
    }

    private void transmit(Pending pending, Bucket bucket) {
        CompletableFuture<RestResponse> answer;
        pending.sentAtNanos = System.nanoTime();
        try {
            answer = pending.request.send().get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, error) -> onAnswer(pending, bucket, response, error));
    }

    // ---- answers ---------------------------------------------------------------------

    private void onAnswer(Pending pending, Bucket sentFrom, RestResponse response, Throwable error) {
        meters.record(pending.meteredRoute, error != null ? -1 : response.status(), System.nanoTime() - pending.sentAtNanos);
        RuntimeException failure = null;
        boolean retry = false;
        List<Bucket> toPump = new ArrayList<>(2);
        synchronized (this) {
            long now = clock.millis();
            if (sentFrom != null) {
                sentFrom.busy = false;
                toPump.add(sentFrom);
            }
            if (error != null) {
                failure = serverFailure(pending, 0, Throwables.rootMessage(error), now);
                retry = failure == null;
            } else {
                RateLimitHeaders headers = RateLimitHeaders.of(response, now);
                Bucket bucket = sentFrom == null ? null : learn(pending.request.route(), headers);
                if (response.status() == 429) {
                    failure = rateLimited(pending, bucket, response, headers, now);
                    retry = failure == null;
                } else if (response.status() >= 500) {
                    failure = serverFailure(pending, response.status(), "HTTP " + response.status(), now);
                    retry = failure == null;
                }
            }
            if (sentFrom != null) {
                Bucket home = bucketFor(pending.request.route()); // where the route lives now
                if (retry) {
                    home.queue.addFirst(pending); // keeps its place: the bucket's order is the callers' order
                }
                if (home != sentFrom) {
                    toPump.add(home);
                }
            }
        }
        if (retry && sentFrom == null) {
            scheduler.schedule(() -> transmit(pending, null), pending.notBefore - clock.millis());
        }
        toPump.forEach(this::pump);
        if (failure != null) {
            pending.result.completeExceptionally(failure);
        } else if (!retry) {
            pending.result.complete(response);
        }
    }

    /** Blocks the bucket (or everything) as the 429 says; null when the request may try again. */
    private RuntimeException rateLimited(Pending pending, Bucket bucket, RestResponse response, RateLimitHeaders headers,
                                         long now) {
        RateLimitedAnswer answer = RateLimitedAnswer.of(response, headers, json);
        long wait = Math.max(answer.retryAfterMillis(), policy.rateLimitFloorMillis(pending.rateLimitWaits));
        long until = now + wait;
        if (answer.global()) {
            globalBlockedUntil = Math.max(globalBlockedUntil, until);
        } else if (bucket != null) {
            bucket.remaining = 0;
            bucket.resetAtMillis = Math.max(bucket.resetAtMillis, until);
        }
        pending.notBefore = until;
        if (pending.rateLimitWaits >= policy.maxRateLimitWaits()) {
            return new DiscordApiException(429, 0, "Discord kept rate limiting " + pending.request.description());
        }
        pending.rateLimitWaits++;
        log.info("account {}: rate limited on {} for {} ms (global={}, scope={})", accountId, pending.request.route(),
                wait, answer.global(), answer.scope().isEmpty() ? "-" : answer.scope());
        return null;
    }

    /** Schedules a resend with backoff; the failure when the retries are spent, else null. */
    private RuntimeException serverFailure(Pending pending, int status, String why, long now) {
        if (pending.serverRetries >= policy.maxServerErrorRetries()) {
            return new DiscordApiException(status, 0, "Discord did not answer " + pending.request.description()
                    + " after " + (pending.serverRetries + 1) + " tries (" + why + ")");
        }
        long delay = policy.backoff().delay(pending.serverRetries).toMillis();
        pending.serverRetries++;
        pending.notBefore = now + delay;
        log.info("account {}: {} on {}; retry {} in {} ms", accountId, why, pending.request.route(),
                pending.serverRetries, delay);
        return null;
    }
}
