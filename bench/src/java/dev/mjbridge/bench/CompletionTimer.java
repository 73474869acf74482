package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Times jobs one after another from the bot's final message to the first fetch that shows the
 * task finished as wanted: the measure of the completion and images phases. The bot's send
 * timestamp is the {@code timestamp} the sandbox stamps on the final message just before it
 * writes it to the gateway (microseconds), read back through the sandbox's REST API; fetches are
 * polled on one connection, back to back or {@code pollEvery} apart, so the moment the wanted
 * state became visible lies between the sending of the last fetch that did not show it and the
 * arrival of the one that did.
 */
final class CompletionTimer {

    /** One measured job: the bounds in ms after the bot's stamp, finishTime after it (ms resolution), the task. */
    record Sample(double upperMs, double lowerMs, double finishTimeMs, Instant botSent, JsonNode task) {
    }

    private final Stack stack;
    private final Duration pollEvery;
    private final Predicate<JsonNode> wanted;
    private final String wantedInWords;

    /**
     * @param wanted        what the finished task must show (e.g. SUCCESS with a stored link); a final
     *                      task that does not show it stops the run with an error
     * @param wantedInWords the same in words, for that error
     */
    CompletionTimer(Stack stack, Duration pollEvery, Predicate<JsonNode> wanted, String wantedInWords) {
        this.stack = stack;
        this.pollEvery = pollEvery;
        this.wanted = wanted;
        this.wantedInWords = wantedInWords;
    }

    /**
     * Runs {@code warmUp} unrecorded jobs, then {@code samples} measured ones, each submitted once
     * the one before is final. The unrecorded ones come first because the path's code is cold in a
     * fresh JVM and its first runs are interpreted; a measured p99 should be the warm path's.
     */
    List<Sample> run(String promptPrefix, int warmUp, int samples) throws IOException, InterruptedException {
        List<Sample> measured = new ArrayList<>(samples);
        for (int i = -warmUp; i < samples; i++) {
            Sample sample = one(promptPrefix + " " + i);
            if (i >= 0) {
                measured.add(sample);
            }
        }
        return measured;
    }

    private Sample one(String prompt) throws IOException, InterruptedException {
        String id = stack.app.imagine(prompt);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // The wanted state became visible after the server answered the last "not yet" (sent at
        // notYetSent) and before the answer that shows it arrived (seen).
        Instant notYetSent = Instant.now();
        Instant seen;
        JsonNode task;
        while (true) {
            Instant sent = Instant.now();
            task = stack.app.fetch(id);
            if (Api.isFinal(task)) {
                seen = Instant.now();
                break;
            }
            notYetSent = sent;
            if (System.nanoTime() > deadline) {
                throw new IOException("task " + id + " did not finish within 60 s");
            }
            if (!pollEvery.isZero()) {
                LockSupport.parkNanos(pollEvery.toNanos());
            }
        }
        if (!wanted.test(task)) {
            throw new IOException("task " + id + " ended without " + wantedInWords + ": " + task);
        }
        JsonNode props = task.path("properties");
        JsonNode message = stack.sandbox.get("/api/v10/channels/" + props.path("discordChannelId").asString()
                + "/messages/" + props.path("messageId").asString(), Stack.token(0));
        Instant botSent = OffsetDateTime.parse(message.path("timestamp").asString()).toInstant();
        return new Sample(ChronoUnit.MICROS.between(botSent, seen) / 1000.0,
                Math.max(0, ChronoUnit.MICROS.between(botSent, notYetSent)) / 1000.0,
                (double) (task.path("finishTime").asLong() - botSent.toEpochMilli()), botSent, task);
    }
}
