package dev.mjbridge.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import dev.mjbridge.sandbox.SandboxControl;

/**
 * Reads the sandbox's live gateway sessions of every user, over and over on a thread of its own,
 * and keeps every moment one user had two or more: an account connected twice at once, which the
 * cluster's leases must never allow, however its instances come and go.
 */
final class GatewaySessionSampler implements AutoCloseable {

    private final SandboxControl sandbox;
    private final int users;
    private final IntFunction<String> userId;
    private final List<String> doubles = new CopyOnWriteArrayList<>();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param users  how many users
     * @param userId the Discord user id of the n-th user (1-based)
     */
    GatewaySessionSampler(SandboxControl sandbox, int users, IntFunction<String> userId) {
        this.sandbox = sandbox;
        this.users = users;
        this.userId = userId;
        this.thread = new Thread(this::sample, "gateway-session-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            for (int n = 1; n <= users; n++) {
                int live = sandbox.liveGatewaySessions(userId.apply(n));
                if (live > 1) {
                    doubles.add("user " + n + " had " + live + " live sessions at sample " + samples.get());
                }
            }
            samples.incrementAndGet();
            try {
                // A pace, not a wait for anything: a session lasts far longer than this.
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Every moment seen with two or more sessions for one user. */
    List<String> doubles() {
        return List.copyOf(doubles);
    }

    /** How many rounds over all users it made: proof that it ran. */
    long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
