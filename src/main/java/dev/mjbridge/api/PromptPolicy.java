package dev.mjbridge.api;

import org.springframework.stereotype.Component;

/** Whether a prompt may be sent: not too long ({@code mj.limits.max-prompt-length}), no banned word. */
@Component
public class PromptPolicy {

    private final int maxPromptLength;
    private final BannedWords bannedWords;

    public PromptPolicy(ApiProperties properties, BannedWords bannedWords) {
        this.maxPromptLength = properties.limits().maxPromptLength();
        this.bannedWords = bannedWords;
    }

    /** Throws code 4 for an overlong prompt and code 24 for a banned word. */
    public void check(String field, String prompt) {
        if (prompt == null) {
            return;
        }
        if (prompt.length() > maxPromptLength) {
            throw RejectedRequest.invalid(field, "is longer than " + maxPromptLength + " characters");
        }
        bannedWords.find(prompt).ifPresent(word -> {
            throw new RejectedRequest(ApiResponse.bannedPrompt(prompt, word));
        });
    }
}
