package dev.mjbridge.task;

import dev.mjbridge.config.MjProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MidjourneyCdnTest {

    private static final String HASH = "9bdd338a-3876-4b4b-b175-af661e8a8cab";

    @Test
    void clipsAreNumberedFromZeroUnderVideoAndTheJobHash() {
        MidjourneyCdn cdn = new MidjourneyCdn("https://cdn.midjourney.com/");

        assertThat(cdn.videos(HASH)).containsExactly(
                "https://cdn.midjourney.com/video/" + HASH + "/0.mp4",
                "https://cdn.midjourney.com/video/" + HASH + "/1.mp4",
                "https://cdn.midjourney.com/video/" + HASH + "/2.mp4",
                "https://cdn.midjourney.com/video/" + HASH + "/3.mp4");
        assertThat(cdn.video(HASH, 2)).isEqualTo("https://cdn.midjourney.com/video/" + HASH + "/2.mp4");
    }

    @Test
    void theSettingDefaultsToMidjourneysCdn() {
        assertThat(new MjProperties.Midjourney(null).cdn()).isEqualTo("https://cdn.midjourney.com");
        assertThat(new MjProperties.Midjourney(" ").cdn()).isEqualTo("https://cdn.midjourney.com");
        assertThat(new MjProperties.Midjourney("http://127.0.0.1:8090").cdn()).isEqualTo("http://127.0.0.1:8090");
    }

    @Test
    void mjMidjourneyCdnIsBoundFromTheConfiguration() {
        var source = new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                java.util.Map.of("mj.midjourney.cdn", "https://cdn.example", "mj.discord.server", "http://127.0.0.1:1"));
        MjProperties bound = new org.springframework.boot.context.properties.bind.Binder(source)
                .bind("mj", MjProperties.class).get();

        assertThat(bound.midjourney().cdn()).isEqualTo("https://cdn.example");
        assertThat(bound.discord().server()).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void aBaseIsRequired() {
        assertThatThrownBy(() -> new MidjourneyCdn(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
