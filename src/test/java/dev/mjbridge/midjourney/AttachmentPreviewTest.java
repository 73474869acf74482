package dev.mjbridge.midjourney;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Which attachments are progress previews: the quick check before the pattern must not change the answer. */
class AttachmentPreviewTest {

    /** The whole rule, as the attachment applies it after its quick check. */
    private static final Pattern PREVIEW_NAME = Pattern.compile("(?i)(?:.*_)?grid_\\d+\\.webp|.*_\\d+_step_\\d+\\.jpe?g");

    @ParameterizedTest
    @ValueSource(strings = {
            "grid_0.webp",
            "GRID_12.WEBP",
            "5f2a1826-7bb0-42c2-b441-98a48a39e760_grid_0.webp",
            "a_b_Grid_3.WebP",
            "5f2a1826-7bb0-42c2-b441-98a48a39e760_0_step_3.jpeg",
            "x_1_step_2.JPG",
    })
    void previewsAreRecognised(String filename) {
        assertThat(preview(filename)).isTrue();
        assertThat(PREVIEW_NAME.matcher(filename).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "acc_0_a_cat_5f2a1826-7bb0-42c2-b441-98a48a39e760.webp",
            "user_a_cat_5f2a1826-7bb0-42c2-b441-98a48a39e760.png",
            "foogrid_0.webp",
            "grid_x.webp",
            "grid_0.webp.png",
            "clip_0_step_1.mp4",
            "x_step_2.jpg",
            "a\n_grid_0.webp",
            "",
    })
    void resultsAndLookalikesAreNot(String filename) {
        assertThat(preview(filename)).isFalse();
        assertThat(PREVIEW_NAME.matcher(filename).matches()).isFalse();
    }

    private static boolean preview(String filename) {
        return new MessageParts.Attachment("https://cdn.example/" + filename, null, filename, 0, 0).isPreview();
    }
}
