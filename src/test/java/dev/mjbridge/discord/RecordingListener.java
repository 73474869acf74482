package dev.mjbridge.discord;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** Collects what a gateway session hears and lets a test wait for a condition on it. */
final class RecordingListener implements GatewayListener {

    static final Duration WAIT = Duration.ofSeconds(15);

    record Dispatch(String type, JsonNode data) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Dispatch> dispatches = new ArrayList<>();
    private final List<GatewayState> states = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private int replacements;

    @Override
    public void onDispatch(String type, JsonNode data) {
        withLock(() -> dispatches.add(new Dispatch(type, data)));
    }

    @Override
    public void onStateChange(GatewayState state, String reason) {
        withLock(() -> {
            states.add(state);
            reasons.add(reason);
        });
    }

    @Override
    public void onSessionReplaced() {
        withLock(() -> replacements++);
    }

    int count(String type) {
        lock.lock();
        try {
            return (int) dispatches.stream().filter(d -> d.type().equals(type)).count();
        } finally {
            lock.unlock();
        }
    }

    List<Dispatch> dispatches() {
        lock.lock();
        try {
            return List.copyOf(dispatches);
        } finally {
            lock.unlock();
        }
    }

    List<String> reasons() {
        lock.lock();
        try {
            return List.copyOf(reasons);
        } finally {
            lock.unlock();
        }
    }

    int replacements() {
        lock.lock();
        try {
            return replacements;
        } finally {
            lock.unlock();
        }
    }

    GatewayState lastState() {
        lock.lock();
        try {
            return states.isEmpty() ? null : states.get(states.size() - 1);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the condition holds on this listener, or fails the test. */
    void awaitUntil(String what, Predicate<RecordingListener> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        lock.lock();
        try {
            while (!condition.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; states " + states + " " + reasons
                            + "; dispatches " + dispatches.stream().map(Dispatch::type).toList());
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            lock.unlock();
        }
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
