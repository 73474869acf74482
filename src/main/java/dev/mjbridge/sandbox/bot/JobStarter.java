package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a request into a running (or queued) job after Midjourney's checks, in
 * Midjourney's order: account, prompt, fast time, queue. A failed check answers with
 * its error embed and starts nothing.
 */
@Component
class JobStarter {

    /** Midjourney seeds are unsigned 32-bit numbers. */
    private static final long SEED_BOUND = 1L << 32;

    private final AccountGate gate;
    private final PromptChecks checks;
    private final UserStates userStates;
    private final JobBook book;
    private final JobScheduler scheduler;
    private final JobLifecycle lifecycle;
    private final ErrorEmbeds errors;
    private final ModerationRefusals moderation;

    JobStarter(AccountGate gate, PromptChecks checks, UserStates userStates, JobBook book, JobScheduler scheduler,
               JobLifecycle lifecycle, ErrorEmbeds errors, ModerationRefusals moderation) {
        this.moderation = moderation;
        this.gate = gate;
        this.checks = checks;
        this.userStates = userStates;
        this.book = book;
        this.scheduler = scheduler;
        this.lifecycle = lifecycle;
        this.errors = errors;
    }

    /** Checks and starts; the job, when one was admitted. */
    Optional<Job> start(JobRequest request) {
        Interaction origin = request.origin();
        Optional<Refusal> refusal = gate.refusal(origin.user().id());
        if (refusal.isEmpty() && request.checkPrompt()) {
            refusal = checks.check(request.prompt()).or(() -> moderation.softFlag(origin, request.prompt()));
        }
        if (refusal.isPresent()) {
            errors.post(origin, refusal.get());
            return Optional.empty();
        }
        UserState state = userStates.get(origin.user().id());
        String prompt = withBotSuffix(origin.app(), request.prompt().strip());
        PromptParams params = PromptParams.parse(prompt);
        SpeedMode mode = params.speedOverride().orElse(state.mode());
        if (mode != SpeedMode.RELAX && state.fastSecondsRemaining() <= 0) {
            errors.post(origin, ErrorKind.CREDITS_EXHAUSTED);
            return Optional.empty();
        }
        Job job = new Job(UUID.randomUUID().toString(), request.kind(), request.label(), origin,
                request.parentMessageId(), prompt,
                request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(SEED_BOUND),
                mode, state.stealth(), request.quadrant(),
                request.size() != null ? request.size() : ImageSize.gridFor(params.aspectRatio()));
        book.accepted(job);
        JobScheduler.Admission admission = scheduler.submit(job, running -> lifecycle.queued(job, running));
        if (admission == JobScheduler.Admission.QUEUE_FULL) {
            errors.post(origin, ErrorKind.QUEUE_FULL);
            return Optional.empty();
        }
        return Optional.of(job);
    }

    /** niji・journey shows its model in every prompt, as the real bot does. */
    private static String withBotSuffix(BotApp app, String prompt) {
        if (app == BotApp.NIJI && !PromptParams.parse(prompt).has("niji")) {
            return prompt + " --niji 6";
        }
        return prompt;
    }
}
