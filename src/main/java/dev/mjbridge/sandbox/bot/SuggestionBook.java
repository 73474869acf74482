package dev.mjbridge.sandbox.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The prompts /describe and /shorten suggested, by the id of the message that shows
 * them, so that their number buttons can imagine one.
 */
@Component
class SuggestionBook {

    /**
     * @param imageUrl the described image (null for /shorten)
     * @param ratio    its aspect ratio, kept for describing it again
     */
    record Suggestions(List<String> prompts, String imageUrl, AspectRatio ratio) {
    }

    private final Cache<String, Suggestions> byMessageId = Caffeine.newBuilder().maximumSize(50_000).build();

    void put(String messageId, Suggestions suggestions) {
        byMessageId.put(messageId, suggestions);
    }

    Optional<Suggestions> find(String messageId) {
        return Optional.ofNullable(messageId == null ? null : byMessageId.getIfPresent(messageId));
    }
}
