package dev.mjbridge.midjourney;

import java.util.List;

/**
 * What one task asks Discord to do: the closed set of interactions (and the few
 * non-interaction calls) an account can send. Images travel as decoded bytes; the
 * account uploads them before it sends the interaction.
 */
public sealed interface JobRequest {

    /** {@code /imagine}; {@code images} are uploaded and put in front of the prompt as image prompts. */
    record Imagine(String prompt, List<ImageData> images) implements JobRequest {
        public Imagine {
            images = List.copyOf(images);
        }
    }

    /** {@code /blend} of 2..5 images. */
    record Blend(List<ImageData> images, BlendDimensions dimensions) implements JobRequest {
        public Blend {
            images = List.copyOf(images);
        }
    }

    /** {@code /describe} of an uploaded image. */
    record Describe(ImageData image) implements JobRequest {
    }

    /** {@code /describe link:<url>}. */
    record DescribeLink(String link) implements JobRequest {
    }

    /** {@code /shorten}. */
    record Shorten(String prompt) implements JobRequest {
    }

    /** {@code /show job_id:<uuid>}: reposts a job with its buttons (and lets us react for the seed). */
    record Show(String jobId) implements JobRequest {
    }

    /**
     * A button press on a message of Midjourney's. When the button opens a modal (custom
     * zoom, vary region, remix), {@code answer} is what to submit into it; null leaves
     * the modal to the client (the task waits in MODAL) or to remix auto-submit.
     */
    record Button(String messageId, int messageFlags, String customId, ModalAnswer answer) implements JobRequest {
    }

    /** The client's input for a modal: a prompt, and for vary region a mask (PNG base64). */
    record ModalAnswer(String prompt, String maskBase64) {
    }

    /** Submits a modal the bot opened (custom zoom, remix). */
    record ModalSubmit(String modalInteractionId, String modalCustomId, String value) implements JobRequest {
    }

    /** Submits vary-region's mask and prompt to the inpaint app opened by an iframe modal. */
    record InpaintSubmit(String iframeCustomId, String maskBase64, String prompt) implements JobRequest {
    }

    /** Image bytes with the content type sniffed from them and a file name to upload under. */
    record ImageData(byte[] bytes, String contentType, String filename) {
    }
}
