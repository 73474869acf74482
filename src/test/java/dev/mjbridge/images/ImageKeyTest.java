package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys are refused before any path is made from them. */
class ImageKeyTest {

    @ParameterizedTest
    @CsvSource({"0_0.png, image/png", "grid.webp, image/webp", "a-b.jpg, image/jpeg", "x.jpeg, image/jpeg",
            "anim.gif, image/gif", "clip_1.mp4, video/mp4"})
    void knownExtensionsGiveTheirContentType(String file, String type) {
        assertThat(new ImageKey("1732800000000001", file).contentType()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../1", "1/2", "-1", "12a", "%31", "/1", "1\u0000", " 1", "١٢"})
    void aTaskIdOtherThanDigitsIsRefused(String taskId) {
        assertThatThrownBy(() -> new ImageKey(taskId, "0.png"))
                .isInstanceOfSatisfying(InvalidImageKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("taskId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../0.png", "..%2F0.png", "%2e%2e", "a/b.png", "a\\b.png", "/etc/passwd",
            "C:\\x.png", "0.png\u0000.txt", "0.png\u0000", ".png", "0.PNG", "0.txt", "0.png.sha256", "a.b.png",
            "0", "0.png ", "é.png", ".tmp-1.part", "0.png/"})
    void aFileNameOutsideThePatternIsRefused(String file) {
        assertThatThrownBy(() -> new ImageKey("1", file))
                .isInstanceOfSatisfying(InvalidImageKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.reason()).startsWith("must be a file name");
                });
    }

    @Test
    void nullPartsAreRefused() {
        assertThatThrownBy(() -> new ImageKey(null, "0.png")).isInstanceOf(InvalidImageKeyException.class);
        assertThatThrownBy(() -> new ImageKey("1", null)).isInstanceOf(InvalidImageKeyException.class);
    }
}
