package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.gateway.MessagePublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /shorten: the answer is posted bare (with the nonce), then edited to list the
 * important tokens and five shortened prompts, with buttons
 * {@code MJ::Job::PromptAnalyzer::<messageId>::<n>} that imagine one of them.
 */
@Component
class ShortenHandler {

    static final String FOOTER = "Click on a button to imagine one of the shortened prompts";

    private final AccountGate gate;
    private final PromptChecks checks;
    private final ErrorEmbeds errors;
    private final MessagePublisher publisher;
    private final SuggestionBook suggestions;
    private final JobStarter starter;
    private final UserStates userStates;
    private final BotClock clock;
    private final Later later;

    ShortenHandler(AccountGate gate, PromptChecks checks, ErrorEmbeds errors, MessagePublisher publisher,
                   SuggestionBook suggestions, JobStarter starter, UserStates userStates, BotClock clock, Later later) {
        this.gate = gate;
        this.checks = checks;
        this.errors = errors;
        this.publisher = publisher;
        this.suggestions = suggestions;
        this.starter = starter;
        this.userStates = userStates;
        this.clock = clock;
        this.later = later;
    }

    Decision command(Interaction command) {
        String prompt = CommandOptions.string(command.data(), "prompt").orElse("");
        return gate.captcha(command).orElseGet(() -> Decision.success(() -> shorten(command, prompt)));
    }

    /** A number under a shorten result: imagine that shortened prompt. */
    Decision pick(Interaction press, ButtonPress.ShortenPick pick) {
        Optional<SuggestionBook.Suggestions> shown = suggestions.find(pick.messageId());
        if (shown.isEmpty() || pick.index() > shown.get().prompts().size()) {
            return Decision.success(() -> errors.post(press, ErrorKind.JOB_NOT_FOUND, "This shorten result is no longer available."));
        }
        String prompt = shown.get().prompts().get(pick.index() - 1);
        return Decision.success(() -> starter.start(
                JobRequest.fromParent(press, JobKind.IMAGINE, "", prompt, press.messageId()).withPromptChecks(true)));
    }

    private void shorten(Interaction command, String prompt) {
        Optional<Refusal> refusal = gate.refusal(command.user().id()).or(() -> checks.check(prompt));
        if (refusal.isPresent()) {
            errors.post(command, refusal.get());
            return;
        }
        ObjectNode start = BotMessages.base(command.app(), command.user());
        BotMessages.answering(start, command, true);
        ObjectNode created = publisher.create(command.channel(), start);
        String messageId = created.get("id").asString();
        PromptShortener.Shortened shortened = PromptShortener.shorten(prompt);
        later.after(clock.jobDuration(userStates.get(command.user().id()).mode()).dividedBy(3), () -> {
            suggestions.put(messageId, new SuggestionBook.Suggestions(shortened.prompts(), null, null));
            publisher.update(command.channel(), messageId, message -> {
                message.remove("nonce");
                ObjectNode embed = BotMessages.embed(null, description(shortened), 0);
                embed.putObject("footer").put("text", FOOTER);
                message.putArray("embeds").add(embed);
                message.set("components", Buttons.shorten(messageId));
            });
        });
    }

    private static String description(PromptShortener.Shortened shortened) {
        List<String> lines = new ArrayList<>();
        lines.add("**Important tokens**");
        lines.add(shortened.importantTokens());
        lines.add("");
        lines.add("**Shortened prompts**");
        for (int i = 0; i < shortened.prompts().size(); i++) {
            lines.add(BotMessages.keycap(i + 1) + " " + shortened.prompts().get(i));
        }
        return String.join("\n", lines);
    }
}
