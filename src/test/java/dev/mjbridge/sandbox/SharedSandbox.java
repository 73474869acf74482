package dev.mjbridge.sandbox;

/**
 * One sandbox for the whole test JVM (starting a web server per test class would
 * dominate the suite's time). Tests call {@link SandboxControl#reset()} and use tokens
 * of their own, so they do not see each other's users.
 */
public final class SharedSandbox {

    private static SandboxServer server;

    private SharedSandbox() {
    }

    public static synchronized SandboxServer get() {
        if (server == null) {
            server = SandboxServer.start(SandboxSettings.forTests().withHeartbeatIntervalMs(45_000));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** A token no other test uses, so the test gets a user, guild and channel of its own. */
    public static String freshToken(String purpose) {
        return "test-" + purpose + "-" + java.util.UUID.randomUUID();
    }
}
