package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.control.scenario.ArmedScenario;
import dev.mjbridge.sandbox.control.scenario.PlayedScenario;
import dev.mjbridge.sandbox.control.scenario.Placeholders;
import dev.mjbridge.sandbox.control.scenario.Scenario;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Replay scenarios: arm one by POSTing its JSON, list, disarm, and see what was played. */
@RestController
@RequestMapping("/sandbox/scenarios")
public class ScenarioController {

    public record Armed(List<ArmedScenario> armed) {
    }

    public record Played(List<PlayedScenario> played) {
    }

    private final SandboxControl control;

    public ScenarioController(SandboxControl control) {
        this.control = control;
    }

    @PostMapping
    public ResponseEntity<ArmedScenario> arm(@RequestBody(required = false) String body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(control.armScenario(Scenario.fromJson(body)));
    }

    @GetMapping
    public Armed armed() {
        return new Armed(control.armedScenarios());
    }

    @GetMapping("/played")
    public Played played() {
        return new Played(control.playedScenarios());
    }

    @GetMapping("/placeholders")
    public Map<String, String> placeholders() {
        return new TreeMap<>(Placeholders.describe());
    }

    @DeleteMapping
    public Map<String, Integer> disarmAll() {
        return Map.of("disarmed", control.disarmScenarios());
    }

    @DeleteMapping("/{id}")
    public Map<String, String> disarm(@PathVariable String id) {
        if (!control.disarmScenario(id)) {
            throw new UnknownControlTarget("no armed scenario " + id + " (it may have played already)");
        }
        return Map.of("disarmed", id);
    }
}
