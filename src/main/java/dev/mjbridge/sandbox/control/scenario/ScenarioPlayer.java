package dev.mjbridge.sandbox.control.scenario;

import dev.mjbridge.sandbox.bot.InteractionOutcome;
import dev.mjbridge.sandbox.bot.InteractionReceiver.InteractionRequest;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers interactions with armed scenarios instead of the Midjourney bot. The REST
 * layer asks {@link #answer} first; a match is acknowledged at once (204,
 * INTERACTION_CREATE, INTERACTION_SUCCESS) and its steps follow on the sandbox
 * scheduler, each step scheduling the next so that they leave in file order.
 */
@Component
public class ScenarioPlayer {

    private static final Logger log = LoggerFactory.getLogger(ScenarioPlayer.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final int PLAYED_KEPT = 500;

    private final World world;
    private final GatewayHub hub;
    private final ScheduledExecutorService scheduler;
    private final StepDelivery delivery;
    private final List<Armed> armed = new ArrayList<>();
    private final List<PlayedScenario> played = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** An armed scenario and how many more interactions it answers; guarded by the player's lock. */
    private static final class Armed {
        final String id;
        final Scenario scenario;
        int remaining;

        Armed(String id, Scenario scenario) {
            this.id = id;
            this.scenario = scenario;
            this.remaining = scenario.times();
        }

        ArmedScenario view() {
            return new ArmedScenario(id, scenario.name(), scenario.match(), remaining, scenario.steps().size());
        }
    }

    public ScenarioPlayer(World world, GatewayHub hub, MessagePublisher publisher, ScheduledExecutorService sandboxScheduler) {
        this.world = world;
        this.hub = hub;
        this.scheduler = sandboxScheduler;
        this.delivery = new StepDelivery(world, hub, publisher);
    }

    public synchronized ArmedScenario arm(Scenario scenario) {
        Armed entry = new Armed("scn-" + ids.incrementAndGet(), scenario);
        armed.add(entry);
        log.info("sandbox scenario armed: {} ({}) for {}", entry.id, scenario.name(), scenario.match());
        return entry.view();
    }

    public synchronized List<ArmedScenario> armed() {
        return armed.stream().map(Armed::view).toList();
    }

    public synchronized boolean disarm(String id) {
        return armed.removeIf(entry -> entry.id.equals(id));
    }

    public synchronized int disarmAll() {
        int count = armed.size();
        armed.clear();
        return count;
    }

    public List<PlayedScenario> played() {
        return List.copyOf(played);
    }

    /** Disarms everything and forgets past playbacks. */
    public void clear() {
        disarmAll();
        played.clear();
    }

    /**
     * Plays the first armed scenario that matches, or returns empty so that the bot answers.
     * Called on the request thread; only the acknowledgement is sent before returning.
     */
    public Optional<InteractionOutcome> answer(InteractionRequest request) {
        Armed entry = takeMatching(request);
        if (entry == null) {
            return Optional.empty();
        }
        Scenario scenario = entry.scenario;
        ScenarioBindings bindings = bindingsFor(request);
        List<FilledStep> steps = new ArrayList<>();
        for (ScenarioStep step : scenario.steps()) {
            steps.add(new FilledStep(step.delayMs(), step.event(), Placeholders.fill(step.data(), bindings), step.to()));
        }
        String nonce = request.payload().path("nonce").asString(null);
        remember(new PlayedScenario(entry.id, scenario.name(), request.id(), request.user().id(), nonce,
                bindings.snapshot(), System.currentTimeMillis()));
        StepDelivery.Audience audience = new StepDelivery.Audience(request.user(),
                request.payload().path("session_id").asString(null), request.channel());
        if (scenario.acknowledge()) {
            acknowledge(request.id(), nonce, audience);
        }
        log.info("sandbox scenario {} ({}) answers interaction {}", entry.id, scenario.name(), request.id());
        playFrom(steps, 0, audience);
        return Optional.of(new InteractionOutcome.Accepted());
    }

    private record FilledStep(long delayMs, String event, JsonNode data, ScenarioStep.Target to) {
    }

    private synchronized Armed takeMatching(InteractionRequest request) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed entry = it.next();
            if (entry.scenario.match().matches(request)) {
                if (--entry.remaining <= 0) {
                    it.remove();
                }
                return entry;
            }
        }
        return null;
    }

    private ScenarioBindings bindingsFor(InteractionRequest request) {
        JsonNode payload = request.payload();
        Map<String, String> values = new HashMap<>();
        values.put("nonce", payload.path("nonce").asString(""));
        values.put("interactionId", request.id());
        values.put("userId", request.user().id());
        values.put("username", request.user().username());
        values.put("channelId", request.channel().id());
        values.put("guildId", request.channel().guildId() == null ? "" : request.channel().guildId());
        values.put("applicationId", payload.path("application_id").asString(""));
        values.put("prompt", InteractionPrompt.of(request, world.messages()));
        values.put("targetMessageId", payload.path("message_id").asString(""));
        values.put("customId", payload.path("data").path("custom_id").asString(""));
        values.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).format(TIMESTAMP));
        return new ScenarioBindings(new LinkedHashMap<>(values), () -> world.snowflakes().next());
    }

    private void acknowledge(String interactionId, String nonce, StepDelivery.Audience audience) {
        ObjectNode ack = JsonNodeFactory.instance.objectNode();
        ack.put("id", interactionId);
        ack.put("nonce", nonce);
        hub.dispatchToSession(audience.sessionId(), audience.user().id(), "INTERACTION_CREATE", ack);
        hub.dispatchToSession(audience.sessionId(), audience.user().id(), "INTERACTION_SUCCESS", ack);
    }

    private void playFrom(List<FilledStep> steps, int index, StepDelivery.Audience audience) {
        if (index >= steps.size()) {
            return;
        }
        FilledStep step = steps.get(index);
        scheduler.schedule(() -> {
            try {
                delivery.deliver(step.event(), step.data(), step.to(), audience);
            } catch (RuntimeException e) {
                log.warn("sandbox scenario step {} ({}) failed: {}", index, step.event(), e.toString());
            }
            playFrom(steps, index + 1, audience);
        }, step.delayMs(), TimeUnit.MILLISECONDS);
    }

    private void remember(PlayedScenario playback) {
        played.add(playback);
        while (played.size() > PLAYED_KEPT) {
            played.remove(0);
        }
    }
}
