package dev.mjbridge.midjourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How long a temporary block lasts, read from Midjourney's words. */
class BlockDurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            You have been blocked from using Midjourney for 1 hour.                      | PT1H
            You are blocked for 30 minutes because of repeated violations.               | PT30M
            Blocked for 2 days.                                                          | PT48H
            You are blocked from using Midjourney for 1 day and 12 hours.                | PT36H
            blocked FOR 1 Day, 2 Hours and 5 Minutes                                     | PT26H5M
            You are blocked for 3 seconds.                                               | PT3S
            temporarily blocked for an hour                                              | PT1H
            you are suspended for one week                                               | PT168H
            blocked for 1h 30m                                                           | PT1H30M
            blocked for 1h30m                                                            | PT1H30M
            blocked for 90 mins                                                          | PT1H30M
            blocked for 1.5 hours                                                        | PT1H30M
            Please read our rules. You are blocked for 10 minutes, then you may continue. | PT10M
            """)
    void readsTheDurationAfterFor(String text, String expected) {
        assertThat(BlockDuration.in(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "You have been blocked from accessing Midjourney.",
            "Thank you for your patience.",
            "Please keep your prompts within our community guidelines.",
            "blocked for a while",
            "blocked for 0 minutes",
            ""})
    void noDurationWhenTheTextNamesNone(String text) {
        assertThat(BlockDuration.in(text)).isEmpty();
    }

    @Test
    void aForWithoutDurationDoesNotHideALaterOne() {
        assertThat(BlockDuration.in("Thanks for reading. You are blocked for 2 hours.")).contains(Duration.ofHours(2));
    }

    @Test
    void nullIsNoDuration() {
        assertThat(BlockDuration.in(null)).isEmpty();
    }

    @Test
    void anAbsurdlyLongSpanIsNotBelieved() {
        assertThat(BlockDuration.in("blocked for 99999 days")).isEmpty();
    }
}
