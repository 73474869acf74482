package dev.mjbridge.sandbox;

import dev.mjbridge.sandbox.bot.BotClock;
import dev.mjbridge.sandbox.bot.BotControl;
import dev.mjbridge.sandbox.bot.Standing;
import dev.mjbridge.sandbox.bot.UserState;
import dev.mjbridge.sandbox.bot.UserStates;
import dev.mjbridge.sandbox.cdn.Cdn;
import dev.mjbridge.sandbox.gateway.DispatchFaults;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.rest.RateLimiter;
import dev.mjbridge.sandbox.rest.RestFaults;
import dev.mjbridge.sandbox.world.World;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
    private final UserStates userStates;
    private final BotClock clock;
    private final Cdn cdn;
    private final BotControl bot;

    public SandboxControl(GatewayHub hub, RestFaults restFaults, RateLimiter rateLimiter, Recorder recorder,
                          World world, ObjectMapper json, UserStates userStates, BotClock clock, Cdn cdn,
                          BotControl bot) {
        this.bot = bot;
        this.userStates = userStates;
        this.clock = clock;
        this.cdn = cdn;
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

    // ---- the Midjourney bot ----

    /** Changes what Midjourney knows of a user: plan, fast time, mode, remix, standing, captcha. */
    public UserState updateUser(String userId, UnaryOperator<UserState> change) {
        return userStates.update(userId, change);
    }

    public UserState user(String userId) {
        return userStates.get(userId);
    }

    public void ban(String userId) {
        userStates.update(userId, s -> s.withStanding(Standing.BLOCKED));
    }

    public void unban(String userId) {
        userStates.update(userId, s -> s.withStanding(Standing.GOOD));
    }

    /** How long one fast job runs (relax three times longer); the sandbox's time scale. */
    public void setFastJobDuration(Duration duration) {
        clock.setFastJobDuration(duration);
    }

    /** While paused, running jobs make no progress and queued jobs do not start. */
    public void pauseBot() {
        clock.pause();
    }

    public void resumeBot() {
        clock.resume();
    }

    /** The user's next job starts and then ends with "Request cancelled due to output filters". */
    public void failNextJobWithOutputFilter(String userId) {
        bot.failNextJobWithOutputFilter(userId);
    }

    /** The seed of a job, by its hash (what the bot DMs for a ✉️ reaction). */
    public Optional<Long> seedOf(String jobHash) {
        return bot.seedOf(jobHash);
    }

    /** Gives a slash command a new version; clients with the old one get "This command is outdated". */
    public String rotateCommandVersion(String applicationId, String commandName) {
        return bot.rotateCommandVersion(applicationId, commandName);
    }

    /** Jobs, job faults and command versions of the simulated Midjourney. */
    public BotControl bot() {
        return bot;
    }

    /** Slow-CDN fault: every image download waits this long. */
    public void setCdnDelay(Duration delay) {
        cdn.setDelay(delay);
    }

    /** The CDN itself, for tests that attach images without running a job. */
    public Cdn cdn() {
        return cdn;
    }

    // ---- what the sandbox received ----

    public Recorder received() {
        return recorder;
    }

    /**
     * Clears faults and recordings between tests; the bot's user states, job faults,
     * command versions, time scale and pause go back to the start (running jobs finish).
     */
    public void reset() {
        hub.faults().clear();
        restFaults.clear();
        recorder.clear();
        cdn.setDelay(Duration.ZERO);
        bot.reset();
    }
}
