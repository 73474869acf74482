package dev.mjbridge.sandbox.bot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What /shorten makes of a prompt: the words that matter (the rest struck through)
 * and five ever shorter prompts built from them, parameters kept.
 */
final class PromptShortener {

    /** @param importantTokens the prompt's words, **kept** or ~~dropped~~ */
    record Shortened(String importantTokens, List<String> prompts) {
    }

    private static final Set<String> FILLER = Set.of("a", "an", "the", "of", "in", "on", "at", "with", "and", "or",
            "to", "for", "by", "from", "is", "are", "very", "really", "beautiful", "amazing", "highly", "detailed",
            "extremely", "stunning", "that", "this", "it", "its", "as", "into", "some");
    static final int PROMPTS = 5;

    private PromptShortener() {
    }

    static Shortened shorten(String prompt) {
        PromptParams parsed = PromptParams.parse(prompt);
        List<String> words = new ArrayList<>();
        for (String raw : parsed.text().split("\\s+")) {
            String word = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        Set<String> important = new LinkedHashSet<>();
        List<String> marked = new ArrayList<>();
        for (String word : words) {
            boolean filler = FILLER.contains(word.toLowerCase(Locale.ROOT));
            marked.add(filler ? "~~" + word + "~~" : "**" + word + "**");
            if (!filler) {
                important.add(word);
            }
        }
        List<String> kept = new ArrayList<>(important.isEmpty() ? words : important);
        StringBuilder params = new StringBuilder();
        parsed.params().forEach(p -> params.append(" --").append(p.name()).append(p.value().isEmpty() ? "" : " " + p.value()));
        List<String> prompts = new ArrayList<>(PROMPTS);
        for (int k = 1; k <= PROMPTS; k++) {
            int count = Math.max(1, (int) Math.ceil(kept.size() * (PROMPTS + 1 - k) / (double) PROMPTS));
            prompts.add((String.join(" ", kept.subList(0, Math.min(count, kept.size()))) + params).strip());
        }
        return new Shortened(String.join(" ", marked), prompts);
    }
}
