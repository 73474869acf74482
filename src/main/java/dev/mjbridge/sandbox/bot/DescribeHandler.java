package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.ImageTypes;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.rest.DiscordErrors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * /describe: an uploaded image or a link becomes four suggested prompts. The answer is
 * first posted bare (with the nonce), then edited to show the prompts and the buttons
 * that imagine one of them ({@code MJ::Job::PicReader::n}) or describe again.
 */
@Component
class DescribeHandler {

    private final UploadedImages uploads;
    private final AccountGate gate;
    private final ErrorEmbeds errors;
    private final MessagePublisher publisher;
    private final SuggestionBook suggestions;
    private final JobStarter starter;
    private final UserStates userStates;
    private final BotClock clock;
    private final Later later;

    DescribeHandler(UploadedImages uploads, AccountGate gate, ErrorEmbeds errors, MessagePublisher publisher,
                    SuggestionBook suggestions, JobStarter starter, UserStates userStates, BotClock clock, Later later) {
        this.uploads = uploads;
        this.gate = gate;
        this.errors = errors;
        this.publisher = publisher;
        this.suggestions = suggestions;
        this.starter = starter;
        this.userStates = userStates;
        this.clock = clock;
        this.later = later;
    }

    /** What is described: an image's URL, and when known its bytes. */
    private record Source(String url, byte[] bytes, String filename) {
    }

    Decision command(Interaction command) {
        Source source;
        if (CommandOptions.value(command.data(), "image").isPresent()) {
            Optional<UploadedImages.Uploaded> image = uploads.resolve(command.data(), "image");
            if (image.isEmpty()) {
                return Decision.reject(400, DiscordErrors.invalidFormBody("data.attachments", "ATTACHMENT_NOT_FOUND",
                        "The attachment was not uploaded."));
            }
            source = new Source(image.get().url(), image.get().bytes(), image.get().filename());
        } else {
            Optional<String> link = CommandOptions.string(command.data(), "link");
            if (link.isEmpty()) {
                return Decision.reject(400, DiscordErrors.invalidFormBody("data.options", "BASE_TYPE_REQUIRED",
                        "Either image or link is required."));
            }
            source = new Source(link.get().strip(), null, null);
        }
        return gate.captcha(command).orElseGet(() -> Decision.success(() -> describe(command, source, null)));
    }

    /** 🔄 under a describe result: describe the same image again, as a reply to it. */
    Decision retry(Interaction press) {
        Optional<SuggestionBook.Suggestions> shown = suggestions.find(press.messageId());
        if (shown.isEmpty() || shown.get().imageUrl() == null) {
            return Decision.success(() -> errors.post(press, ErrorKind.JOB_NOT_FOUND, "This describe result is no longer available."));
        }
        return Decision.success(() -> answer(press, shown.get().imageUrl(), shown.get().ratio(), press.messageId()));
    }

    /** A number under a describe result: imagine that suggestion. */
    Decision pick(Interaction press, int index) {
        Optional<SuggestionBook.Suggestions> shown = suggestions.find(press.messageId());
        if (shown.isEmpty() || index > shown.get().prompts().size()) {
            return Decision.success(() -> errors.post(press, ErrorKind.JOB_NOT_FOUND, "This describe result is no longer available."));
        }
        String prompt = shown.get().prompts().get(index - 1);
        return Decision.success(() -> starter.start(
                JobRequest.fromParent(press, JobKind.IMAGINE, "", prompt, press.messageId()).withPromptChecks(true)));
    }

    private void describe(Interaction command, Source source, String parentMessageId) {
        Optional<Refusal> refusal = gate.refusal(command.user().id());
        if (refusal.isPresent()) {
            errors.post(command, refusal.get());
            return;
        }
        if (source.bytes() == null && !source.url().matches("(?i)https?://\\S+")) {
            errors.post(command, ErrorKind.INVALID_LINK, "Sorry, `" + source.url() + "` is not a link to an image. "
                    + "Links must start with http:// or https://.");
            return;
        }
        if (source.bytes() != null && !ImageTypes.isImage(source.bytes())) {
            errors.post(command, ErrorKind.INVALID_PARAMETER, "The file `" + source.filename() + "` is not an image.");
            return;
        }
        answer(command, source.url(), ratioOf(source.bytes()), parentMessageId);
    }

    private void answer(Interaction interaction, String imageUrl, AspectRatio ratio, String parentMessageId) {
        ObjectNode start = BotMessages.base(interaction.app(), interaction.user());
        BotMessages.answering(start, interaction, true);
        BotMessages.replyTo(start, interaction.channel(), parentMessageId);
        start.putArray("embeds").add(imageEmbed(imageUrl, null));
        ObjectNode created = publisher.create(interaction.channel(), start);
        String messageId = created.get("id").asString();
        List<String> prompts = PromptWriter.describe(ThreadLocalRandom.current().nextLong(), ratio);
        later.after(clock.jobDuration(userStates.get(interaction.user().id()).mode()).dividedBy(2), () -> {
            suggestions.put(messageId, new SuggestionBook.Suggestions(prompts, imageUrl, ratio));
            publisher.update(interaction.channel(), messageId, message -> {
                message.remove("nonce");
                message.putArray("embeds").add(imageEmbed(imageUrl, numbered(prompts)));
                message.set("components", Buttons.describe());
            });
        });
    }

    private static ObjectNode imageEmbed(String imageUrl, String description) {
        ObjectNode embed = BotMessages.embed(null, description, 0);
        embed.putObject("image").put("url", imageUrl);
        return embed;
    }

    private static String numbered(List<String> prompts) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            lines.add(BotMessages.keycap(i + 1) + " " + prompts.get(i));
        }
        return String.join("\n\n", lines);
    }

    /** The image's shape in lowest terms; square when it cannot be read (e.g. WebP, or a link). */
    private static AspectRatio ratioOf(byte[] bytes) {
        if (bytes == null) {
            return AspectRatio.SQUARE;
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                return AspectRatio.SQUARE;
            }
            int gcd = gcd(image.getWidth(), image.getHeight());
            return new AspectRatio(image.getWidth() / gcd, image.getHeight() / gcd);
        } catch (IOException | RuntimeException e) {
            return AspectRatio.SQUARE;
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.max(1, a) : gcd(b, a % b);
    }
}
