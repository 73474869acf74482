package dev.mjbridge.cluster;

/**
 * How the process ends after {@code POST /mj/cluster/drain} handed its accounts over: by default the
 * application context closes and the JVM exits with its exit code. Its own bean replaces it (an
 * in-process test closes the context but keeps the JVM).
 */
@FunctionalInterface
public interface DrainExit {

    void exit();
}
