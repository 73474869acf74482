package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The buttons under a job's result. Most start a job on the parent's prompt; with
 * remix mode on, variations, reroll and pan first open a modal to edit the prompt;
 * custom zoom always opens one; vary region opens the inpaint editor.
 */
@Component
class JobButtons {

    private final JobBook book;
    private final JobStarter starter;
    private final UserStates userStates;
    private final OpenModals modals;
    private final InpaintSessions inpaint;
    private final PromptChecks checks;
    private final ErrorEmbeds errors;
    private final EphemeralMessages ephemerals;

    JobButtons(JobBook book, JobStarter starter, UserStates userStates, OpenModals modals, InpaintSessions inpaint,
               PromptChecks checks, ErrorEmbeds errors, EphemeralMessages ephemerals) {
        this.book = book;
        this.starter = starter;
        this.userStates = userStates;
        this.modals = modals;
        this.inpaint = inpaint;
        this.checks = checks;
        this.errors = errors;
        this.ephemerals = ephemerals;
    }

    Decision press(Interaction press, ButtonPress.OnJob button) {
        Optional<Job> found = book.finished(button.hash()).map(JobBook.Finished::job);
        if (found.isEmpty()) {
            return Decision.success(() -> errors.post(press, ErrorKind.JOB_NOT_FOUND, "This job is no longer available."));
        }
        Job parent = found.get();
        boolean remix = userStates.get(press.user().id()).remix();
        if (button instanceof ButtonPress.Upscale upscale) {
            return start(JobRequest.fromParent(press, JobKind.UPSCALE, "Image #" + upscale.index(), parent.prompt(),
                    press.messageId()).withSeed(parent.seed()).withQuadrant(upscale.index()).withSize(parent.size().half()));
        }
        if (button instanceof ButtonPress.UpscaleHd upscale) {
            ImageSize size = upscale.mode().equals("4x") ? parent.size().doubled().doubled() : parent.size().doubled();
            return start(JobRequest.fromParent(press, JobKind.UPSCALE_HD, upscaledLabel(upscale), parent.prompt(),
                    press.messageId()).withSeed(parent.seed()).withQuadrant(parent.quadrant()).withSize(size));
        }
        if (button instanceof ButtonPress.Animate animate) {
            return start(JobRequest.fromParent(press, JobKind.VIDEO, "", VideoPrompts.animate(parent.prompt(),
                    animate.highMotion()), press.messageId()).withSeed(parent.seed()).withSize(parent.size())
                    .withQuadrant(Math.max(1, parent.quadrant())));
        }
        if (button instanceof ButtonPress.VideoUpscale clip) {
            return start(JobRequest.fromParent(press, JobKind.VIDEO_UPSCALE, "Video #" + clip.index(), parent.prompt(),
                    press.messageId()).withSeed(parent.seed()).withQuadrant(clip.index()).withSize(parent.size()));
        }
        if (button instanceof ButtonPress.Variation variation) {
            // V7 varies strongly by default and says so; older models said just "Variations".
            Variant plain = new Variant(JobKind.VARIATION,
                    parent.model().current() ? "Variations (Strong)" : "Variations", true, variation.index());
            return remix ? remixModal(press, parent, variation.index(), plain) : start(plain.request(press, parent.prompt()));
        }
        if (button instanceof ButtonPress.Vary vary) {
            Variant plain = new Variant(JobKind.VARY, vary.strong() ? "Variations (Strong)" : "Variations (Subtle)",
                    vary.strong(), Math.max(1, parent.quadrant()));
            return remix ? remixModal(press, parent, 1, plain) : start(plain.request(press, parent.prompt()));
        }
        if (button instanceof ButtonPress.Reroll && parent.kind() == JobKind.VIDEO) {
            return start(JobRequest.fromParent(press, JobKind.VIDEO, "", parent.prompt(), press.messageId())
                    .withSize(parent.size()).withQuadrant(parent.quadrant()));
        }
        if (button instanceof ButtonPress.Reroll) {
            return remix ? rerollModal(press, parent)
                    : start(JobRequest.fromParent(press, JobKind.REROLL, "", parent.prompt(), press.messageId()));
        }
        if (button instanceof ButtonPress.Pan pan) {
            return remix ? panModal(press, parent, pan.direction())
                    : start(JobRequest.fromParent(press, JobKind.PAN, pan.direction().label(), parent.prompt(), press.messageId()));
        }
        if (button instanceof ButtonPress.Outpaint outpaint) {
            JobRequest zoom = JobRequest.fromParent(press, JobKind.ZOOM, "Zoom Out", parent.prompt(), press.messageId());
            // Make Square (100) outpaints to a square canvas; 2x and 1.5x keep the shape.
            return start(outpaint.zoom() == 100 ? zoom.withSize(ImageSize.gridFor(AspectRatio.SQUARE)) : zoom);
        }
        if (button instanceof ButtonPress.CustomZoom) {
            return customZoomModal(press, parent);
        }
        if (button instanceof ButtonPress.VaryRegion) {
            String token = inpaint.open(press, parent, press.messageId());
            return new Decision.Accept(new Acknowledgement.OpenIframe("MJ::iframe::" + token,
                    "/inpaint/?custom_id=MJ%3A%3Aiframe%3A%3A" + token + "&job_id=" + parent.hash() + "&index=1",
                    "Vary (Region)"), () -> { });
        }
        return Decision.success(() -> rated(press));
    }

    /** The inpaint editor submitted a mask: vary that region of the parent. */
    void varyRegion(InpaintSessions.Session session, String prompt) {
        String effective = prompt == null || prompt.isBlank() ? session.parent().prompt() : prompt.strip();
        starter.start(JobRequest.fromParent(session.origin(), JobKind.VARY, "Variations (Region)", effective,
                session.parentMessageId()).withPromptChecks(!effective.equals(session.parent().prompt())));
    }

    /** The job a variation button makes when its prompt is kept; with a changed prompt it is a remix. */
    private record Variant(JobKind kind, String label, boolean strong, int image) {
        JobRequest request(Interaction press, String prompt) {
            return JobRequest.fromParent(press, kind, label, prompt, press.messageId()).withQuadrant(image);
        }
    }

    /** V7 says "Upscaled by"; V6 "Upscaled (Subtle) by"; V5 "Upscaled (2x) by". */
    private static String upscaledLabel(ButtonPress.UpscaleHd upscale) {
        if (upscale.version() >= 7) {
            return "Upscaled";
        }
        String mode = upscale.mode();
        return "Upscaled (" + Character.toUpperCase(mode.charAt(0)) + mode.substring(1) + ")";
    }

    private Decision start(JobRequest request) {
        return Decision.success(() -> starter.start(request));
    }

    private Decision remixModal(Interaction press, Job parent, int index, Variant plain) {
        ModalForm form = new ModalForm("MJ::RemixModal::" + parent.hash() + "::" + index + "::" + (plain.strong() ? 1 : 0),
                "Remix Prompt", "MJ::RemixModal::new_prompt", "New prompt for image #" + index, parent.prompt());
        String parentMessageId = press.messageId();
        modals.open(press, form, (submit, value) -> {
            JobRequest request = value.strip().equals(parent.prompt())
                    ? JobRequest.fromParent(submit, plain.kind(), plain.label(), value, parentMessageId).withQuadrant(plain.image())
                    : JobRequest.fromParent(submit, JobKind.REMIX, plain.strong() ? "Remix (Strong)" : "Remix (Subtle)",
                    value, parentMessageId).withPromptChecks(true);
            starter.start(request);
        });
        return new Decision.Accept(new Acknowledgement.OpenModal(form), () -> { });
    }

    private Decision rerollModal(Interaction press, Job parent) {
        ModalForm form = new ModalForm("MJ::ImagineModal::" + press.messageId(), "Imagine This!",
                "MJ::ImagineModal::new_prompt", "Prompt", parent.prompt());
        String parentMessageId = press.messageId();
        modals.open(press, form, (submit, value) -> starter.start(
                JobRequest.fromParent(submit, JobKind.REROLL, "", value, parentMessageId).withPromptChecks(true)));
        return new Decision.Accept(new Acknowledgement.OpenModal(form), () -> { });
    }

    private Decision panModal(Interaction press, Job parent, PanDirection direction) {
        ModalForm form = new ModalForm("MJ::PanModal::" + direction.word() + "::" + parent.hash() + "::1",
                direction.label(), "MJ::PanModal::prompt", "Prompt", parent.prompt());
        String parentMessageId = press.messageId();
        modals.open(press, form, (submit, value) -> starter.start(
                JobRequest.fromParent(submit, JobKind.PAN, direction.label(), value, parentMessageId).withPromptChecks(true)));
        return new Decision.Accept(new Acknowledgement.OpenModal(form), () -> { });
    }

    private Decision customZoomModal(Interaction press, Job parent) {
        ModalForm form = new ModalForm("MJ::OutpaintCustomZoomModal::" + parent.hash(), "Zoom Out",
                "MJ::OutpaintCustomZoomModal::prompt", "Zoom out prompt", parent.prompt() + " --zoom 2");
        String parentMessageId = press.messageId();
        modals.open(press, form, (submit, value) -> {
            Optional<Refusal> refusal = checks.checkCustomZoom(value);
            if (refusal.isPresent()) {
                errors.post(submit, refusal.get());
                return;
            }
            starter.start(JobRequest.fromParent(submit, JobKind.ZOOM, "Zoom Out", value, parentMessageId));
        });
        return new Decision.Accept(new Acknowledgement.OpenModal(form), () -> { });
    }

    /** The ❤️ button rates the job: an ephemeral reply to the rated message that links to it. */
    private void rated(Interaction press) {
        ObjectNode message = BotMessages.base(press.app(), press.user());
        BotMessages.answering(message, press, true);
        BotMessages.replyTo(message, press.channel(), press.messageId());
        String guild = press.channel().guildId() == null ? "@me" : press.channel().guildId();
        message.put("content", "You have successfully rated [this job](https://discord.com/channels/" + guild + "/"
                + press.channel().id() + "/" + press.messageId() + ") with 😍");
        ephemerals.post(press.channel(), press.user(), message);
    }
}
