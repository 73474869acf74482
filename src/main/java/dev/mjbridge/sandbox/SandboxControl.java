package dev.mjbridge.sandbox;

import dev.mjbridge.sandbox.gateway.DispatchFaults;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.rest.RateLimiter;
import dev.mjbridge.sandbox.rest.RestFaults;
import dev.mjbridge.sandbox.world.World;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The Java handle on a running sandbox: faults, rate limits and what it received.
 * The HTTP control API under {@code /sandbox} calls the same methods.
 */
@Component
public class SandboxControl {

    private final GatewayHub hub;
    private final RestFaults restFaults;
    private final RateLimiter rateLimiter;
    private final Recorder recorder;
    private final World world;
    private final ObjectMapper json;

    public SandboxControl(GatewayHub hub, RestFaults restFaults, RateLimiter rateLimiter, Recorder recorder,
                          World world, ObjectMapper json) {
        this.hub = hub;
        this.world = world;
        this.json = json;
        this.restFaults = restFaults;
        this.rateLimiter = rateLimiter;
        this.recorder = recorder;
    }

    // ---- gateway faults (userId null = every connection) ----

    public void dropConnections(String userId) {
        hub.drop(userId);
    }

    public void stallConnections(String userId) {
        hub.stall(userId);
    }

    public void requestReconnect(String userId) {
        hub.requestReconnect(userId);
    }

    public void invalidateSessions(String userId, boolean resumable) {
        hub.invalidateSession(userId, resumable);
    }

    public void closeConnections(String userId, int closeCode) {
        hub.close(userId, closeCode);
    }

    public int liveGatewaySessions(String userId) {
        return hub.liveSessions(userId);
    }

    public DispatchFaults dispatchFaults() {
        return hub.faults();
    }

    /** Sends an arbitrary dispatch to every session of a user (replay and protocol tests). */
    public void dispatchRaw(String userId, String type, String dataJson) {
        hub.dispatchToUser(userId, type, json.readTree(dataJson));
    }

    public World world() {
        return world;
    }

    // ---- REST faults ----

    public RestFaults restFaults() {
        return restFaults;
    }

    public void setRestRateLimit(int requestsPerSecond) {
        rateLimiter.setLimit(requestsPerSecond);
    }

    // ---- what the sandbox received ----

    public Recorder received() {
        return recorder;
    }

    /** Clears faults and recordings between tests. */
    public void reset() {
        hub.faults().clear();
        restFaults.clear();
        recorder.clear();
    }
}
