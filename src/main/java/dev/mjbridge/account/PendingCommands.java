package dev.mjbridge.account;

import dev.mjbridge.midjourney.MjEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The account's own commands to Midjourney ({@code /info}, {@code /settings}, a settings button,
 * {@code /relax}), which are no tasks. Their answers are ephemeral and are known by the nonce the
 * command was sent with, then by its interaction id: a deferred answer starts as a "thinking"
 * message with both and is edited into the real answer, which names only the interaction id.
 * Every event they claim stops here and never reaches the task layer.
 *
 * <p>A command stays known for {@link #KEPT} after it was sent, so later edits of its message (the
 * settings message redrawn after a button press) are claimed too; then it is forgotten.
 */
final class PendingCommands {

    static final Duration KEPT = Duration.ofMinutes(10);

    /**
     * One command.
     *
     * @param read what an event means for it: the answer (complete with it), a failure (an
     *             exception), or null while it is only an acknowledgement or a "thinking" message
     * @param edit told of every later answer-shaped event, e.g. the redrawn settings
     */
    private record Command(String nonce, CompletableFuture<MjEvent> answer,
                           Function<MjEvent, Outcome> read, Consumer<MjEvent> edit, Instant expires) {
    }

    /** What an event is for a command. */
    sealed interface Outcome {
        record Answer(MjEvent event) implements Outcome {
        }

        record Failure(String reason) implements Outcome {
        }
    }

    private final Clock clock;
    private final Map<String, Command> byNonce = new ConcurrentHashMap<>();
    private final Map<String, Command> byInteraction = new ConcurrentHashMap<>();

    PendingCommands(Clock clock) {
        this.clock = clock;
    }

    /**
     * Registers a command before it is sent (its answer may outrun the REST call).
     *
     * @return completes with the answer; never on its own: the caller bounds the wait
     */
    CompletableFuture<MjEvent> expect(String nonce, Function<MjEvent, Outcome> read, Consumer<MjEvent> edit) {
        forgetExpired();
        Command command = new Command(nonce, new CompletableFuture<>(), read, edit, clock.instant().plus(KEPT));
        byNonce.put(nonce, command);
        return command.answer();
    }

    /** A command whose answers only need to be kept from the tasks (a mode switch, a button press). */
    void expectNothing(String nonce) {
        expect(nonce, event -> null, event -> { });
    }

    /** Whether the event answers one of the account's own commands; if so it is handled here. */
    boolean claim(MjEvent event) {
        if (byNonce.isEmpty()) {
            return false; // the common case: no command of the account's own in flight
        }
        String nonce = event.correlation().nonce();
        String interactionId = event.correlation().interactionId();
        Command command = nonce == null ? null : byNonce.get(nonce);
        if (command == null && interactionId != null) {
            command = byInteraction.get(interactionId);
        }
        if (command == null) {
            return false;
        }
        if (interactionId != null) {
            byInteraction.putIfAbsent(interactionId, command);
        }
        Outcome outcome = command.read().apply(event);
        if (outcome instanceof Outcome.Failure failure) {
            command.answer().completeExceptionally(new CommandFailedException(failure.reason()));
        } else if (outcome instanceof Outcome.Answer answer) {
            if (!command.answer().complete(answer.event())) {
                command.edit().accept(answer.event());
            }
        }
        return true;
    }

    int size() {
        return byNonce.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        byNonce.values().removeIf(c -> c.expires().isBefore(now));
        byInteraction.values().removeIf(c -> c.expires().isBefore(now));
    }

    /** Midjourney or Discord refused one of the account's own commands. */
    static final class CommandFailedException extends RuntimeException {
        CommandFailedException(String reason) {
            super(reason, null, false, false);
        }
    }
}
