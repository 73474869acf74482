package dev.mjbridge.sandbox;

import dev.mjbridge.sandbox.bot.BotClock;
import dev.mjbridge.sandbox.bot.BotControl;
import dev.mjbridge.sandbox.bot.Standing;
import dev.mjbridge.sandbox.bot.UserState;
import dev.mjbridge.sandbox.bot.UserStates;
import dev.mjbridge.sandbox.cdn.Cdn;
import dev.mjbridge.sandbox.cdn.SignedLinks;
import dev.mjbridge.sandbox.control.KnownUser;
import dev.mjbridge.sandbox.control.scenario.ArmedScenario;
import dev.mjbridge.sandbox.control.scenario.PlayedScenario;
import dev.mjbridge.sandbox.control.scenario.Scenario;
import dev.mjbridge.sandbox.control.scenario.ScenarioPlayer;
import dev.mjbridge.sandbox.gateway.DispatchFaults;
import dev.mjbridge.sandbox.gateway.GatewayCounters;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.gateway.HeartbeatReport;
import dev.mjbridge.sandbox.rest.RateLimiter;
import dev.mjbridge.sandbox.rest.RestFaults;
import dev.mjbridge.sandbox.world.Guild;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final ScenarioPlayer scenarios;
    private final SandboxSettings settings;
    private final SignedLinks links;
    private final MessagePublisher publisher;

    public SandboxControl(GatewayHub hub, RestFaults restFaults, RateLimiter rateLimiter, Recorder recorder,
                          World world, ObjectMapper json, UserStates userStates, BotClock clock, Cdn cdn,
                          BotControl bot, ScenarioPlayer scenarios, SandboxSettings settings, SignedLinks links,
                          MessagePublisher publisher) {
        this.links = links;
        this.publisher = publisher;
        this.bot = bot;
        this.scenarios = scenarios;
        this.settings = settings;
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

    /** Sessions identified, resumed and refused a resume so far: how often clients reconnected. */
    public GatewayCounters.Snapshot gatewayCounters() {
        return hub.counters().snapshot();
    }

    /** The same for one user's sessions only. */
    public GatewayCounters.Snapshot gatewayCounters(String userId) {
        return hub.counters().snapshot(userId);
    }

    /**
     * How late a heartbeat may be before it counts as late when no tolerance is asked for:
     * 5 % of the announced interval (about 2 s at Discord's 41.25 s). Discord does not publish
     * the grace it gives, so this is the sandbox's own yardstick, not Discord's cut-off.
     */
    public Duration defaultHeartbeatTolerance() {
        return Duration.ofMillis(settings.heartbeatIntervalMs() / 20);
    }

    /**
     * Heartbeat punctuality since the last {@link #clearHeartbeats()} (or reset): beats seen,
     * lateness percentiles, late and missed beats, and per connection unless {@code withConnections} is false.
     *
     * @param tolerance null = {@link #defaultHeartbeatTolerance()}
     * @param userId    null = every connection
     */
    public HeartbeatReport heartbeats(Duration tolerance, String userId, boolean withConnections) {
        return hub.heartbeats().report(tolerance == null ? defaultHeartbeatTolerance() : tolerance, userId, withConnections);
    }

    /** Starts a new heartbeat window: closed connections are forgotten, open ones start counting from zero. */
    public void clearHeartbeats() {
        hub.heartbeats().clear();
    }

    /** Every dispatch leaves this much later (0 turns the fault off). */
    public void delayDispatches(Duration delay) {
        hub.faults().delay(delay.toMillis());
    }

    /** The next {@code count} dispatches are each sent twice (the copy under the next sequence number). */
    public void duplicateNextDispatches(int count) {
        hub.faults().duplicateNext(count);
    }

    /** The next {@code count} dispatches are each held back and sent after the one that follows it. */
    public void reorderNextDispatches(int count) {
        hub.faults().reorderNext(count);
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

    /** Calls per second and token before 429; 0 = unlimited. */
    public int restRateLimit() {
        return rateLimiter.limit();
    }

    /** The next {@code count} REST calls (any route, any token) fail with {@code fault}. */
    public void failNextRestCalls(int count, RestFaults.Fault fault) {
        restFaults.failNext(count, fault);
    }

    /** Each REST call fails with {@code fault} with probability {@code rate}; 0 turns it off. */
    public void failRestCallsRandomly(double rate, RestFaults.Fault fault) {
        restFaults.failRandomly(rate, fault);
    }

    public void clearRestFaults() {
        restFaults.clear();
    }

    // ---- the Midjourney bot ----

    /** Changes what Midjourney knows of a user: plan, fast time, mode, remix, standing, captcha. */
    public UserState updateUser(String userId, UnaryOperator<UserState> change) {
        return userStates.update(userId, change);
    }

    public UserState user(String userId) {
        return userStates.get(userId);
    }

    /**
     * The Discord users the sandbox knows (configured accounts and every token seen so far),
     * without their tokens, oldest id first. The simulated Midjourney bots are left out.
     */
    public List<KnownUser> users() {
        return world.users().stream()
                .filter(user -> !World.MIDJOURNEY_APP_ID.equals(user.id()) && !World.NIJI_APP_ID.equals(user.id()))
                .sorted(Comparator.comparing(SandboxUser::id))
                .map(this::describe)
                .toList();
    }

    public Optional<KnownUser> knownUser(String userId) {
        return userId == null ? Optional.empty() : world.user(userId).map(this::describe);
    }

    private KnownUser describe(SandboxUser user) {
        List<Guild> guilds = world.guildsOf(user);
        List<String> guildIds = guilds.stream().map(Guild::id).sorted().toList();
        List<String> channelIds = guilds.stream().flatMap(g -> g.channelIds().stream()).sorted().toList();
        return new KnownUser(user.id(), user.username(), user.bot(), guildIds, channelIds, hub.liveSessions(user.id()),
                user.bot() ? null : userStates.get(user.id()));
    }

    /**
     * The user's Discord token stops working (a password change): REST answers 401, and
     * the next IDENTIFY closes with 4004. Live connections stay until they drop.
     */
    public void revokeToken(String userId) {
        world.revokeToken(userId);
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

    /** How long one fast video job runs (relax three times longer, turbo half). */
    public void setFastVideoDuration(Duration duration) {
        clock.setFastVideoDuration(duration);
    }

    public Duration fastVideoDuration() {
        return clock.fastVideoDuration();
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

    public boolean botPaused() {
        return clock.paused();
    }

    public Duration fastJobDuration() {
        return clock.fastJobDuration();
    }

    /** Slow-CDN fault: every image download waits this long. */
    public void setCdnDelay(Duration delay) {
        cdn.setDelay(delay);
    }

    /** The CDN itself, for tests that attach images without running a job. */
    public Cdn cdn() {
        return cdn;
    }

    public Duration cdnDelay() {
        return cdn.delay();
    }

    /** Every attachment link handed out so far stops working; re-reading a message gives working ones. */
    public void expireCdnLinks() {
        links.expireAll();
    }

    /** How long attachment links handed out from now on work (at least a second). */
    public void setCdnLinkLifetime(Duration lifetime) {
        links.setLifetime(lifetime);
    }

    public Duration cdnLinkLifetime() {
        return links.lifetime();
    }

    /** Stores and dispatches channel messages; for tests that edit a message as the bot does. */
    public MessagePublisher publisher() {
        return publisher;
    }

    /** The link signer itself, for tests that move its clock instead of waiting for links to expire. */
    public SignedLinks cdnLinks() {
        return links;
    }

    // ---- replay scenarios ----

    /** Arms a scenario: the next matching interaction is answered by it instead of the bot. */
    public ArmedScenario armScenario(Scenario scenario) {
        return scenarios.arm(scenario);
    }

    /** Arms a scenario given as JSON text (the format of docs/sandbox.md). */
    public ArmedScenario armScenario(String json) {
        return scenarios.arm(Scenario.fromJson(json));
    }

    public ArmedScenario armScenario(Path file) {
        return scenarios.arm(Scenario.fromFile(file));
    }

    /** Arms a scenario from the classpath, e.g. {@code "scenarios/imagine-grid.json"}. */
    public ArmedScenario armScenarioResource(String resource) {
        return scenarios.arm(Scenario.fromResource(resource));
    }

    public List<ArmedScenario> armedScenarios() {
        return scenarios.armed();
    }

    public boolean disarmScenario(String id) {
        return scenarios.disarm(id);
    }

    public int disarmScenarios() {
        return scenarios.disarmAll();
    }

    /** Playbacks so far (newest last) with the values each filled in. */
    public List<PlayedScenario> playedScenarios() {
        return scenarios.played();
    }

    // ---- what the sandbox received ----

    public Recorder received() {
        return recorder;
    }

    /** How many interactions carried each nonce, in the order first seen; a count above 1 is a repeat. */
    public Map<String, Integer> interactionCountsByNonce() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Recorder.ReceivedInteraction interaction : recorder.interactions()) {
            if (interaction.nonce() != null) {
                counts.merge(interaction.nonce(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * As {@link #interactionCountsByNonce()}, counting only the interactions the sandbox
     * accepted (answered 204). A count above 1 means one nonce started two jobs.
     */
    public Map<String, Integer> acceptedInteractionCountsByNonce() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Recorder.ReceivedInteraction interaction : recorder.interactions()) {
            if (interaction.nonce() != null && interaction.accepted()) {
                counts.merge(interaction.nonce(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Between tests: clears faults (gateway dispatch faults, REST faults, slow CDN), puts the
     * link lifetime and the links' clock back (links already handed out stay valid or expired), puts the
     * REST rate limit back to its configured value, resumes a paused bot, disarms scenarios,
     * forgets recordings (heartbeat counts too) and restores revoked tokens; the bot's user states, job faults, command versions and time
     * scale go back to the start (running jobs finish).
     */
    public void reset() {
        hub.faults().clear();
        restFaults.clear();
        rateLimiter.setLimit(settings.restRequestsPerSecond());
        cdn.setDelay(Duration.ZERO);
        links.reset();
        if (clock.paused()) {
            clock.resume();
        }
        scenarios.clear();
        recorder.clear();
        hub.heartbeats().clear();
        world.restoreTokens();
        bot.reset();
    }
}
