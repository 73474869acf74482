package dev.mjbridge.sandbox.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The modals the bot opened and that wait for their submit, by modal id (the id of the
 * interaction that opened them). Like Discord's interaction tokens they expire after
 * 15 minutes, and each can be submitted once.
 */
@Component
class OpenModals {

    /** What submitting the modal does with the text the user entered. */
    @FunctionalInterface
    interface Submission {
        void submit(Interaction submit, String value);
    }

    record Pending(String userId, ModalForm form, Submission submission) {
    }

    private final Cache<String, Pending> pending = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(50_000).build();

    void open(Interaction opening, ModalForm form, Submission submission) {
        pending.put(opening.id(), new Pending(opening.user().id(), form, submission));
    }

    Optional<Pending> find(String modalId) {
        return Optional.ofNullable(modalId == null ? null : pending.getIfPresent(modalId));
    }

    /** Closes the modal; false when it was not open (anymore). */
    boolean close(String modalId) {
        return pending.asMap().remove(modalId) != null;
    }
}
