package dev.mjbridge.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone sandbox's {@code --link-hours}: decimal hours, at least a second. */
class SandboxMainOptionsTest {

    @Test
    void linkHoursSetTheLinkLifetime() {
        assertThat(SandboxMain.parse(new String[0]).linkLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(SandboxMain.parse(new String[]{"--link-hours", "0.5"}).linkLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(SandboxMain.parse(new String[]{"--link-hours", "0.01"}).linkLifetime()).isEqualTo(Duration.ofSeconds(36));
    }

    @Test
    void linkHoursRefuseWhatIsNoLifetime() {
        for (String bad : new String[]{"0", "-1", "0.0001", "9000", "a day"}) {
            assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--link-hours", bad}))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--link-hours");
        }
    }
}
