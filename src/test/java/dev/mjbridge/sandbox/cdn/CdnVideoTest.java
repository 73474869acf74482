package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.world.Snowflakes;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Video jobs on the CDN: their attachment objects and Midjourney's {@code /video/<hash>/<n>.mp4} clips. */
class CdnVideoTest {

    private static final String PROMPT = "a lighthouse --motion high --video 1 --aspect 1:1";

    private final AtomicInteger encodings = new AtomicInteger();
    private final Cdn cdn = new Cdn(new SandboxUrls(), new Snowflakes(), new ImageRenderer() {
        @Override
        public byte[] encode(ImageRecipe recipe, ImageFormat format) {
            encodings.incrementAndGet();
            return super.encode(recipe, format);
        }
    }, new SignedLinks(new SandboxUrls(), SandboxSettings.forTests()));

    @Test
    void attachmentsLookLikeDiscordsForEachKindOfVideoFile() {
        ObjectNode step = cdn.attach("1", "9bdd338a_2_step_3.jpeg", ImageRecipe.videoStep(PROMPT, 4, 2, 3, 256, 256));
        ObjectNode animation = cdn.attach("1", "u1_a_lighthouse_9bdd338a.webp",
                ImageRecipe.animation(PROMPT, 4, 624, 624, true));
        ObjectNode clip = cdn.attach("1", "u1_a_lighthouse_0c1d.mp4", ImageRecipe.videoClip(PROMPT, 4, 1, 624, 624, true));

        assertThat(step.path("content_type").asString()).isEqualTo("image/jpeg");
        assertThat(step.path("width").asInt()).isEqualTo(256);
        assertThat(step.path("height").asInt()).isEqualTo(256);
        assertThat(step.has("duration_secs")).as("images have no duration").isFalse();
        assertThat(animation.path("content_type").asString()).isEqualTo("image/webp");
        assertThat(animation.path("width").asInt()).isEqualTo(624);
        assertThat(animation.path("height").asInt()).isEqualTo(624);
        assertThat(animation.has("duration_secs")).isFalse();
        assertThat(clip.path("content_type").asString()).isEqualTo("video/mp4");
        assertThat(clip.path("width").asInt()).as("clips are served smaller").isEqualTo(320);
        assertThat(clip.path("height").asInt()).isEqualTo(320);
        assertThat(clip.path("duration_secs").asDouble()).isEqualTo(2.0);
        assertThat(clip.path("url").asString()).contains("/attachments/1/" + clip.path("id").asString()
                + "/u1_a_lighthouse_0c1d.mp4?ex=");
        assertThat(encodings).as("nothing is rendered until downloaded").hasValue(0);

        byte[] mp4 = cdn.file("1", clip.path("id").asString(), "u1_a_lighthouse_0c1d.mp4").orElseThrow().bytes();
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat((double) clip.path("size").asLong()).as("uncompressed clips have a predictable size")
                .isCloseTo(mp4.length, Percentage.withPercentage(2));
        byte[] webp = cdn.file("1", animation.path("id").asString(), "u1_a_lighthouse_9bdd338a.webp").orElseThrow().bytes();
        assertThat(new String(webp, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
    }

    @Test
    void ephemeralAttachmentsLiveUnderTheirOwnPath() {
        ObjectNode step = cdn.attachEphemeral("1", "h_0_step_2.jpeg", ImageRecipe.videoStep(PROMPT, 4, 0, 2, 64, 64));
        String id = step.path("id").asString();

        assertThat(step.path("url").asString()).contains("/ephemeral-attachments/1/" + id + "/h_0_step_2.jpeg?ex=");
        assertThat(step.path("proxy_url").asString()).contains("/media/ephemeral-attachments/1/" + id + "/");
        assertThat(step.path("ephemeral").asBoolean()).isTrue();
        assertThat(cdn.ephemeralFile("1", id, "h_0_step_2.jpeg").orElseThrow().contentType()).isEqualTo("image/jpeg");
        assertThat(cdn.file("1", id, "h_0_step_2.jpeg")).as("not under /attachments/").isEmpty();
        assertThat(cdn.ephemeralFile("2", id, "h_0_step_2.jpeg")).isEmpty();

        ObjectNode lasting = cdn.attach("1", "a.webp", ImageRecipe.grid(PROMPT, 4, 64, 64));
        assertThat(lasting.has("ephemeral")).isFalse();
        assertThat(cdn.ephemeralFile("1", lasting.path("id").asString(), "a.webp")).isEmpty();
    }

    @Test
    void publishedJobsServeTheirFourClips() {
        cdn.publishVideos("9bdd338a-3876", PROMPT, 4, 624, 624, true);

        for (int n = 0; n < 4; n++) {
            ServedFile clip = cdn.video("9bdd338a-3876", n).orElseThrow();
            assertThat(clip.contentType()).isEqualTo("video/mp4");
            assertThat(clip.bytes()).as("clip %d", n)
                    .isEqualTo(new ImageRenderer().render(ImageRecipe.videoClip(PROMPT, 4, n, 624, 624, true), "c.mp4"));
        }
        cdn.publishVideos("7758c7cb", PROMPT, 4, 3, 624, 624, true);
        assertThat(cdn.video("7758c7cb", 1).orElseThrow().bytes()).as("animating picture 3").isEqualTo(
                new ImageRenderer().render(ImageRecipe.videoClip(PROMPT, 4, 1, 624, 624, true).startingFrom(3), "c.mp4"));
        assertThat(cdn.video("9bdd338a-3876", 4)).isEmpty();
        assertThat(cdn.video("9bdd338a-3876", -1)).isEmpty();
        assertThat(cdn.video("not-published", 0)).isEmpty();
        assertThat(cdn.videoUrl("9bdd338a-3876", 2)).endsWith("/video/9bdd338a-3876/2.mp4");
        assertThatThrownBy(() -> cdn.publishVideos(" ", PROMPT, 4, 624, 624, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUpscaledClipIsPublishedAloneAsClipZero() {
        ImageRecipe upscaled = ImageRecipe.videoClip(PROMPT, 4, 2, 320, 320, true);
        cdn.publishClips("5e6f-upscale", List.of(upscaled));

        assertThat(cdn.video("5e6f-upscale", 0).orElseThrow().bytes())
                .isEqualTo(new ImageRenderer().render(upscaled, "v.mp4"));
        assertThat(cdn.video("5e6f-upscale", 1)).isEmpty();
        assertThatThrownBy(() -> cdn.publishClips("none", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClipIsEncodedOnceWhetherFetchedAsAttachmentOrFromTheVideoPath() {
        cdn.publishVideos("h1", PROMPT, 8, 256, 256, false);
        ObjectNode attachment = cdn.attach("1", "u_h1.mp4", ImageRecipe.videoClip(PROMPT, 8, 0, 256, 256, false));

        byte[] fromPath = cdn.video("h1", 0).orElseThrow().bytes();
        byte[] again = cdn.video("h1", 0).orElseThrow().bytes();
        byte[] asAttachment = cdn.file("1", attachment.path("id").asString(), "u_h1.mp4").orElseThrow().bytes();

        assertThat(again).isEqualTo(fromPath);
        assertThat(asAttachment).isEqualTo(fromPath);
        assertThat(encodings).hasValue(1);
    }
}
