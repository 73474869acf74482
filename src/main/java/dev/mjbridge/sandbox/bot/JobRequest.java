package dev.mjbridge.sandbox.bot;

/**
 * What an interaction asks the bot to make, before the bot has checked it.
 *
 * @param seed        the seed to keep (upscales keep their grid's), or null for a new one
 * @param size        the result's size, or null to take it from the prompt's {@code --ar}
 * @param checkPrompt whether the prompt is the user's own words and must pass {@link PromptChecks}
 */
record JobRequest(Interaction origin, JobKind kind, String label, String prompt, String parentMessageId, Long seed,
                  int quadrant, ImageSize size, boolean checkPrompt) {

    static JobRequest of(Interaction origin, JobKind kind, String label, String prompt) {
        return new JobRequest(origin, kind, label, prompt, null, null, 0, null, true);
    }

    /** A job from a button of {@code parentMessageId} that works on {@code parent}. */
    static JobRequest fromParent(Interaction origin, JobKind kind, String label, String prompt, String parentMessageId) {
        return new JobRequest(origin, kind, label, prompt, parentMessageId, null, 0, null, false);
    }

    JobRequest withSeed(long value) {
        return new JobRequest(origin, kind, label, prompt, parentMessageId, value, quadrant, size, checkPrompt);
    }

    JobRequest withQuadrant(int value) {
        return new JobRequest(origin, kind, label, prompt, parentMessageId, seed, value, size, checkPrompt);
    }

    JobRequest withSize(ImageSize value) {
        return new JobRequest(origin, kind, label, prompt, parentMessageId, seed, quadrant, value, checkPrompt);
    }

    JobRequest withPromptChecks(boolean value) {
        return new JobRequest(origin, kind, label, prompt, parentMessageId, seed, quadrant, size, value);
    }
}
