package dev.mjbridge.it.chaos;

import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.rest.RestFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The weather of a chaos run, made by the sandbox: random REST 429s and 500s all along,
 * and every tick one gateway fault on a random account (drop, op 7, op 9 resumable or
 * not, a stalled connection) plus a burst of duplicated and reordered dispatches.
 */
final class ChaosFaults {

    private static final Logger log = LoggerFactory.getLogger(ChaosFaults.class);
    static final double RATE_429 = 0.10;
    static final double RETRY_AFTER_SECONDS = 0.2;
    static final double RATE_500 = 0.03;
    static final int DISPATCH_BURST = 10;

    private record GatewayFault(String name, Consumer<String> apply) {
    }

    private final SandboxControl control;
    private final SandboxedAccounts accounts;
    private final List<GatewayFault> gatewayFaults;
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> ticks;
    private int next;

    ChaosFaults(SandboxedAccounts accounts) {
        this.accounts = accounts;
        this.control = accounts.control();
        this.gatewayFaults = List.of(
                new GatewayFault("drop", control::dropConnections),
                new GatewayFault("op 7 reconnect", control::requestReconnect),
                new GatewayFault("op 9 resumable", user -> control.invalidateSessions(user, true)),
                new GatewayFault("stall (missed heartbeat ACK)", control::stallConnections),
                new GatewayFault("op 9 not resumable", user -> control.invalidateSessions(user, false)));
    }

    void start(ScheduledExecutorService timer, long everyMs) {
        control.failRestCallsRandomly(RATE_429, new RestFaults.Fault(429, RETRY_AFTER_SECONDS, false));
        control.failRestCallsRandomly(RATE_500, new RestFaults.Fault(500, 0, false));
        ticks = timer.scheduleWithFixedDelay(this::tick, everyMs, everyMs, TimeUnit.MILLISECONDS);
    }

    /** Calm weather: no more faults of any kind (what is under way finishes). */
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        control.clearRestFaults();
        control.dispatchFaults().clear();
    }

    /** What was injected, by fault. REST and dispatch counts are the sandbox's own. */
    Map<String, Long> injected() {
        Map<String, Long> all = new TreeMap<>();
        injected.forEach((name, count) -> all.put(name, (long) count.get()));
        control.restFaults().injectedByStatus().forEach((status, count) -> all.put("REST " + status, count));
        all.put("dispatch duplicated", control.dispatchFaults().duplicated());
        all.put("dispatch reordered", control.dispatchFaults().reordered());
        return all;
    }

    private void tick() {
        try {
            GatewayFault fault = gatewayFaults.get(next++ % gatewayFaults.size());
            String user = accounts.userId(ThreadLocalRandom.current().nextInt(1, accounts.size() + 1));
            if (control.liveGatewaySessions(user) > 0) {
                fault.apply().accept(user);
                injected.computeIfAbsent(fault.name(), n -> new AtomicInteger()).incrementAndGet();
            }
            control.duplicateNextDispatches(DISPATCH_BURST);
            control.reorderNextDispatches(DISPATCH_BURST);
        } catch (RuntimeException e) {
            log.warn("chaos fault tick failed", e);
        }
    }
}
