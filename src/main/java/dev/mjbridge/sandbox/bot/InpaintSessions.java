package dev.mjbridge.sandbox.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Open vary-region editors: the iframe's token ({@code MJ::iframe::<token>}) maps to the
 * button press that opened it, until the editor submits its mask once.
 */
@Component
class InpaintSessions {

    record Session(String token, Interaction origin, Job parent, String parentMessageId) {
    }

    private final Cache<String, Session> sessions = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(20_000).build();

    String open(Interaction origin, Job parent, String parentMessageId) {
        String token = UUID.randomUUID().toString().replace("-", "");
        sessions.put(token, new Session(token, origin, parent, parentMessageId));
        return token;
    }

    /** Removes and returns the session; empty when unknown, expired or used. */
    Optional<Session> take(String token) {
        return Optional.ofNullable(token == null ? null : sessions.asMap().remove(token));
    }
}
