package dev.mjbridge.discord;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Times every answer Discord's REST API gives (each attempt, retries included), as
 * {@code mj.discord.rest} tagged with the route ({@link RestRoute#template()}: method, host and
 * the path with its ids folded, so never a token or a webhook secret) and the answer's class.
 * One instance serves every account. The timers of a route are made on its first answer and
 * kept, so a request costs one map look-up and no allocation of tags.
 */
public final class RestMeters {

    static final String NAME = "mj.discord.rest";
    /** The route of upload PUTs: their URLs name a storage host and an upload id, one per file. */
    static final String UPLOAD_ROUTE = "PUT upload";

    /** The buckets Prometheus sums for latency quantiles: Discord answers in tens to hundreds of ms. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** How an attempt ended, as the {@code answer} tag says it. */
    enum Answer {
        /** Below 400: Discord took the request. */
        OK("2xx"),
        RATE_LIMITED("429"),
        CLIENT_ERROR("4xx"),
        SERVER_ERROR("5xx"),
        /** No HTTP answer at all: the connection failed or timed out. */
        NO_ANSWER("error");

        final String tag;

        Answer(String tag) {
            this.tag = tag;
        }

        static Answer of(int status) {
            if (status < 0) {
                return NO_ANSWER;
            }
            if (status < 400) {
                return OK;
            }
            if (status == 429) {
                return RATE_LIMITED;
            }
            return status < 500 ? CLIENT_ERROR : SERVER_ERROR;
        }
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Timer[]> timersOfRoute = new ConcurrentHashMap<>();

    public RestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records nothing anyone reads: for clients built without a registry (tests, tools). */
    public static RestMeters none() {
        return new RestMeters(new CompositeMeterRegistry());
    }

    /**
     * One attempt's answer.
     *
     * @param status the HTTP status, or -1 when there was no answer
     */
    void record(String route, int status, long nanos) {
        Timer[] timers = timersOfRoute.get(route);
        if (timers == null) {
            timers = timersOfRoute.computeIfAbsent(route, this::timersFor);
        }
        timers[Answer.of(status).ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer[] timersFor(String route) {
        Answer[] answers = Answer.values();
        Timer[] timers = new Timer[answers.length];
        for (Answer answer : answers) {
            timers[answer.ordinal()] = Timer.builder(NAME)
                    .description("Discord REST answers by route and answer class, each attempt")
                    .tag("route", route)
                    .tag("answer", answer.tag)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }
        return timers;
    }
}
