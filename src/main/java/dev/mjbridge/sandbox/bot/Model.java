package dev.mjbridge.sandbox.bot;

import java.util.Locale;

/**
 * The Midjourney model a prompt runs on, which decides the words, file names and
 * buttons of its messages. V7 is the default since 2025; {@code --v 6} and {@code --v 5.2}
 * keep the older forms, and niji・journey prompts keep the V6 forms.
 */
public enum Model {
    V7, V6, V5;

    public static Model of(String prompt) {
        PromptParams params = PromptParams.parse(prompt);
        if (params.has("niji")) {
            return V6;
        }
        String version = params.last("v", "version").map(PromptParams.Param::value).orElse("7").strip()
                .toLowerCase(Locale.ROOT);
        if (version.startsWith("5") || version.startsWith("4") || version.startsWith("3")) {
            return V5;
        }
        if (version.startsWith("6")) {
            return V6;
        }
        return V7;
    }

    /** Since V7 (and in the 2026 captures) grids and videos come as WebP with an "Open on website" link. */
    public boolean current() {
        return this == V7;
    }
}
