package dev.mjbridge.sandbox.control.scenario;

/** An armed scenario as the control API shows it: how many more interactions it will answer. */
public record ArmedScenario(String id, String name, ScenarioMatch match, int remaining, int steps) {
}
