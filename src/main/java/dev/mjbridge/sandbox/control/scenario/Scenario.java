package dev.mjbridge.sandbox.control.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A recorded conversation to play back instead of the Midjourney bot: when an armed
 * scenario matches an interaction, the sandbox acknowledges it and sends {@link #steps()}.
 * The file format is described in {@code docs/sandbox.md}; {@link ScenarioParser} reads it.
 *
 * @param times       how many matching interactions it answers before it disarms itself
 * @param acknowledge send INTERACTION_CREATE + INTERACTION_SUCCESS first (false: the steps do it,
 *                    e.g. to play an INTERACTION_FAILURE or a modal)
 */
public record Scenario(String name, ScenarioMatch match, int times, boolean acknowledge, List<ScenarioStep> steps) {

    public Scenario {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        steps = List.copyOf(steps);
    }

    public static Scenario fromJson(String json) {
        return ScenarioParser.parse(json);
    }

    public static Scenario fromFile(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    /** A scenario on the classpath, e.g. {@code "scenarios/imagine-grid.json"}. */
    public static Scenario fromResource(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario resource " + name + " on the classpath");
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario resource " + name, e);
        }
    }

    /** The same scenario, answering only this user's interactions (tests share one sandbox). */
    public Scenario forUser(String userId) {
        return new Scenario(name, match.withUserId(userId), times, acknowledge, steps);
    }

    public Scenario withTimes(int value) {
        return new Scenario(name, match, value, acknowledge, steps);
    }
}
