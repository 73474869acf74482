package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.rest.RestFaults;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** REST faults (429 / 5xx for the next N calls, or at random) and the per-token rate limit. */
@RestController
@RequestMapping("/sandbox/rest")
public class RestControlController {

    public record FailNext(int count, RestFaults.Fault fault) {
    }

    public record FailRandomly(double rate, RestFaults.Fault fault) {
    }

    public record RateLimit(int perSecond) {
    }

    private final SandboxControl control;
    private final ObjectMapper json;

    public RestControlController(SandboxControl control, ObjectMapper json) {
        this.control = control;
        this.json = json;
    }

    /** {@code {"count": 3, "status": 429, "retryAfter": 1.5, "global": false}}; count defaults to 1. */
    @PostMapping("/fail-next")
    public FailNext failNext(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "count", "status", "retryAfter", "global");
        int count = request.whole("count", 1, 1_000_000).orElse(1L).intValue();
        RestFaults.Fault fault = fault(request);
        control.failNextRestCalls(count, fault);
        return new FailNext(count, fault);
    }

    /** {@code {"rate": 0.1, "status": 503}}: each call fails with that probability; rate 0 turns it off. */
    @PostMapping("/fail-randomly")
    public FailRandomly failRandomly(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "rate", "status", "retryAfter", "global");
        double rate = request.number("rate", 0, 1)
                .orElseThrow(() -> new BadControlRequest("rate is required (0 to 1; 0 turns random failures off)"));
        RestFaults.Fault fault = fault(request);
        control.failRestCallsRandomly(rate, fault);
        return new FailRandomly(rate, fault);
    }

    @DeleteMapping("/faults")
    public FailNext clearFaults() {
        control.clearRestFaults();
        return new FailNext(0, null);
    }

    @GetMapping("/rate-limit")
    public RateLimit rateLimit() {
        return new RateLimit(control.restRateLimit());
    }

    /** {@code {"perSecond": 5}}: calls per second per token and method before 429; 0 = unlimited. */
    @PutMapping("/rate-limit")
    public RateLimit setRateLimit(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "perSecond");
        int perSecond = (int) request.requiredWhole("perSecond", 0, 100_000);
        control.setRestRateLimit(perSecond);
        return rateLimit();
    }

    private static RestFaults.Fault fault(ControlRequest request) {
        int status = (int) request.requiredWhole("status", 100, 599);
        if (status != 429 && (status < 500 || status > 599)) {
            throw new BadControlRequest("status must be 429 or a 5xx status, got " + status);
        }
        double retryAfter = request.number("retryAfter", 0, 3600).orElse(1.0);
        boolean global = request.bool("global").orElse(false);
        if (status != 429 && (request.has("retryAfter") || global)) {
            throw new BadControlRequest("retryAfter and global only apply to status 429");
        }
        return new RestFaults.Fault(status, retryAfter, global);
    }
}
