package dev.mjbridge.task.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mjbridge.config.InvalidSettingException;

class KeepRetryPropertiesTest {

    @Test
    void theDefaultsSpanAboutADay() {
        KeepRetryProperties defaults = new KeepRetryProperties(null, null, null);

        assertThat(defaults.first()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.max()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.attempts()).isEqualTo(30);
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt <= defaults.attempts(); attempt++) {
            total = total.plus(defaults.delayBefore(attempt));
        }
        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(30));
    }

    @Test
    void eachRetryWaitsTwiceAsLongUpToTheMaximum() {
        KeepRetryProperties settings = new KeepRetryProperties(Duration.ofSeconds(10), Duration.ofSeconds(50), 5);

        assertThat(settings.delayBefore(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.delayBefore(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.delayBefore(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.delayBefore(4)).isEqualTo(Duration.ofSeconds(50));
        assertThat(settings.delayBefore(100)).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void unusableValuesNameTheKeyAndTheReason() {
        assertThatThrownBy(() -> new KeepRetryProperties(Duration.ZERO, null, null))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("mj.images.retry.first");
        assertThatThrownBy(() -> new KeepRetryProperties(Duration.ofMinutes(5), Duration.ofMinutes(1), null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("mj.images.retry.max").hasMessageContaining("must not be shorter");
        assertThatThrownBy(() -> new KeepRetryProperties(null, null, 0))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("mj.images.retry.attempts").hasMessageContaining("at least 1");
    }
}
