package dev.mjbridge.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/**
 * How tests wait for something asynchronous: an Awaitility await that names what it waits
 * for and fails with that name (and the last value or assertion it saw) once its limit passes.
 * Callers add the poll interval and the condition:
 * {@code Waits.await("account 3 ready", MjApi.WAIT).pollInterval(ofMillis(20)).until(...)}.
 */
public final class Waits {

    private Waits() {
    }

    /**
     * An await for {@code what}, at most {@code limit}. The condition is checked at once (a
     * state that already holds costs no poll interval) and on the calling thread, as the test
     * itself would check it, so it may read state that only the test thread touches. An
     * exception escaping some other thread does not fail the wait: the application under test
     * logs its own, and the test asserts what it means to (Awaitility's default would fail any
     * wait during which, say, a deliberately broken connection killed a worker).
     */
    public static ConditionFactory await(String what, Duration limit) {
        return Awaitility.await(what)
                .atMost(limit)
                .pollDelay(Duration.ZERO)
                .pollInSameThread()
                .dontCatchUncaughtExceptions();
    }
}
