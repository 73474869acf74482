package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.gateway.HeartbeatReport;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gateway faults for one user ({@code "userId"} in the body) or for every connection
 * (no userId): drop, stall, op 7, op 9, close with a code; dispatch faults; raw dispatches.
 */
@RestController
@RequestMapping("/sandbox/gateway")
public class GatewayControlController {

    /** Close codes a server may not send on the wire (RFC 6455 reserves them). */
    private static final Set<Integer> RESERVED_CLOSE_CODES = Set.of(1004, 1005, 1006, 1015);
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** What a connection fault did: {@code userId} null means every connection. */
    public record FaultApplied(String fault, String userId, int connectionsAffected) {
    }

    public record LiveSessions(String userId, int liveSessions) {
    }

    /** Dispatch faults now in force (each field as set by this call; counts are consumed per dispatch). */
    public record DispatchFaultsSet(Long delayMs, Integer duplicateNext, Integer reorderNext) {
    }

    private final SandboxControl control;
    private final ObjectMapper json;

    public GatewayControlController(SandboxControl control, ObjectMapper json) {
        this.control = control;
        this.json = json;
    }

    @GetMapping("/sessions")
    public LiveSessions sessions(@RequestParam(required = false) String userId) {
        if (userId != null) {
            requireKnown(userId);
        }
        return new LiveSessions(userId, control.liveGatewaySessions(userId));
    }

    /**
     * Heartbeat punctuality since the last clear: {@code toleranceMs} (default 5 % of the
     * interval), {@code userId} to narrow it, {@code connections=false} for the totals only.
     */
    @GetMapping("/heartbeats")
    public HeartbeatReport heartbeats(@RequestParam(required = false) String toleranceMs,
                                      @RequestParam(required = false) String userId,
                                      @RequestParam(required = false, defaultValue = "true") String connections) {
        if (userId != null) {
            requireKnown(userId);
        }
        Duration tolerance = null;
        if (toleranceMs != null) {
            try {
                long ms = Long.parseLong(toleranceMs);
                if (ms < 0 || ms > 3_600_000) {
                    throw new NumberFormatException();
                }
                tolerance = Duration.ofMillis(ms);
            } catch (NumberFormatException e) {
                throw new BadControlRequest("toleranceMs must be a whole number of milliseconds from 0 to 3600000, got "
                        + toleranceMs);
            }
        }
        if (!connections.equals("true") && !connections.equals("false")) {
            throw new BadControlRequest("connections must be true or false, got " + connections);
        }
        return control.heartbeats(tolerance, userId, Boolean.parseBoolean(connections));
    }

    /** Starts a new heartbeat window (open connections keep their clock; closed ones are forgotten). */
    @DeleteMapping("/heartbeats")
    public HeartbeatReport clearHeartbeats() {
        control.clearHeartbeats();
        return control.heartbeats(null, null, false);
    }

    /** Breaks the sockets like a network failure; sessions stay resumable. */
    @PostMapping("/drop")
    public FaultApplied drop(@RequestBody(required = false) String body) {
        String userId = targetOnly(body);
        int affected = control.liveGatewaySessions(userId);
        control.dropConnections(userId);
        return new FaultApplied("drop", userId, affected);
    }

    /** Keeps the sockets open but silent: no heartbeat ACKs, no dispatches. */
    @PostMapping("/stall")
    public FaultApplied stall(@RequestBody(required = false) String body) {
        String userId = targetOnly(body);
        int affected = control.liveGatewaySessions(userId);
        control.stallConnections(userId);
        return new FaultApplied("stall", userId, affected);
    }

    /** op 7 RECONNECT. */
    @PostMapping("/reconnect")
    public FaultApplied reconnect(@RequestBody(required = false) String body) {
        String userId = targetOnly(body);
        int affected = control.liveGatewaySessions(userId);
        control.requestReconnect(userId);
        return new FaultApplied("reconnect", userId, affected);
    }

    /** op 9 INVALID_SESSION; {@code "resumable": true} sends {@code d: true} and keeps the session. */
    @PostMapping("/invalidate-session")
    public FaultApplied invalidateSession(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "userId", "resumable");
        String userId = target(request);
        boolean resumable = request.bool("resumable").orElse(false);
        int affected = control.liveGatewaySessions(userId);
        control.invalidateSessions(userId, resumable);
        return new FaultApplied(resumable ? "invalidate-session(resumable)" : "invalidate-session", userId, affected);
    }

    /** Closes the sockets with {@code "code"} (e.g. 4000, 4004, 4009); 4004/4007/4009 also end the session. */
    @PostMapping("/close")
    public FaultApplied close(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "userId", "code");
        String userId = target(request);
        int code = (int) request.requiredWhole("code", 1000, 4999);
        if (RESERVED_CLOSE_CODES.contains(code) || (code > 1015 && code < 3000)) {
            throw new BadControlRequest("code " + code + " cannot be sent in a close frame; use 1000-1003, 1007-1014 or 3000-4999");
        }
        int affected = control.liveGatewaySessions(userId);
        control.closeConnections(userId, code);
        return new FaultApplied("close(" + code + ")", userId, affected);
    }

    /** Any of {@code delayMs}, {@code duplicateNext}, {@code reorderNext}; fields left out are unchanged. */
    @PutMapping("/dispatch-faults")
    public DispatchFaultsSet dispatchFaults(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "delayMs", "duplicateNext", "reorderNext");
        Optional<Long> delay = request.whole("delayMs", 0, 600_000);
        Optional<Long> duplicate = request.whole("duplicateNext", 0, 100_000);
        Optional<Long> reorder = request.whole("reorderNext", 0, 100_000);
        if (delay.isEmpty() && duplicate.isEmpty() && reorder.isEmpty()) {
            throw new BadControlRequest("give at least one of delayMs, duplicateNext, reorderNext");
        }
        delay.ifPresent(ms -> control.delayDispatches(Duration.ofMillis(ms)));
        duplicate.ifPresent(n -> control.duplicateNextDispatches(n.intValue()));
        reorder.ifPresent(n -> control.reorderNextDispatches(n.intValue()));
        return new DispatchFaultsSet(delay.orElse(null), duplicate.map(Long::intValue).orElse(null),
                reorder.map(Long::intValue).orElse(null));
    }

    @DeleteMapping("/dispatch-faults")
    public DispatchFaultsSet clearDispatchFaults() {
        control.dispatchFaults().clear();
        return new DispatchFaultsSet(0L, 0, 0);
    }

    /** {@code {"userId", "event", "data"}}: one raw dispatch to every session of the user. */
    @PostMapping("/dispatch")
    public FaultApplied dispatch(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "userId", "event", "data");
        String userId = request.snowflake("userId").orElseThrow(() -> new BadControlRequest("userId is required"));
        String event = request.text("event").orElseThrow(() -> new BadControlRequest("event is required, e.g. MESSAGE_CREATE"));
        JsonNode data = request.requiredNode("data");
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new BadControlRequest("event must be a dispatch name in upper case like MESSAGE_CREATE, got " + event);
        }
        requireKnown(userId);
        control.dispatchRaw(userId, event, json.writeValueAsString(data));
        return new FaultApplied("dispatch(" + event + ")", userId, control.liveGatewaySessions(userId));
    }

    private String targetOnly(String body) {
        return target(ControlRequest.parse(json, body, "userId"));
    }

    private String target(ControlRequest request) {
        String userId = request.snowflake("userId").orElse(null);
        if (userId != null) {
            requireKnown(userId);
        }
        return userId;
    }

    private void requireKnown(String userId) {
        if (control.knownUser(userId).isEmpty()) {
            throw UserControlController.unknownUser(userId);
        }
    }
}
