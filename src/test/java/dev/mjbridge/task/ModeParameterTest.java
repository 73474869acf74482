package dev.mjbridge.task;

import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BlendDimensions;
import dev.mjbridge.midjourney.JobRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModeParameterTest {

    private static final JobRequest.ImageData IMAGE = new JobRequest.ImageData(new byte[] {1}, "image/png", "a.png");

    @ParameterizedTest(name = "{0} on a {1} account -> {2}")
    @CsvSource({
            "RELAX, FAST,  cat --ar 3:2 --relax",
            "TURBO, FAST,  cat --ar 3:2 --turbo",
            "FAST,  RELAX, cat --ar 3:2 --fast",
            "TURBO, RELAX, cat --ar 3:2 --turbo"})
    void aModeOtherThanTheAccountsIsAppendedToTheImaginePrompt(SpeedMode wanted, SpeedMode account, String sent) {
        JobRequest.Imagine request = new JobRequest.Imagine("cat --ar 3:2 ", List.of(IMAGE));

        JobRequest.Imagine result = (JobRequest.Imagine) ModeParameter.apply(request, wanted, account);

        assertThat(result.prompt()).isEqualTo(sent);
        assertThat(result.images()).containsExactly(IMAGE);
    }

    @Test
    void theAccountsOwnModeOrNoPreferenceLeavesThePromptAlone() {
        JobRequest.Imagine request = new JobRequest.Imagine("cat", List.of());

        assertThat(ModeParameter.apply(request, SpeedMode.FAST, SpeedMode.FAST)).isSameAs(request);
        assertThat(ModeParameter.apply(request, null, SpeedMode.RELAX)).isSameAs(request);
    }

    @ParameterizedTest
    @CsvSource({"cat --fast", "--turbo cat", "cat --relax --ar 1:1"})
    void aPromptThatNamesASpeedIsTheClientsChoice(String prompt) {
        JobRequest.Imagine request = new JobRequest.Imagine(prompt, List.of());

        assertThat(ModeParameter.apply(request, SpeedMode.RELAX, SpeedMode.FAST)).isSameAs(request);
    }

    @Test
    void wordsThatOnlyLookLikeASpeedDoNotCount() {
        JobRequest.Imagine request = new JobRequest.Imagine("a relax--turbo sign --fastest", List.of());

        assertThat(((JobRequest.Imagine) ModeParameter.apply(request, SpeedMode.RELAX, SpeedMode.FAST)).prompt())
                .isEqualTo("a relax--turbo sign --fastest --relax");
    }

    @Test
    void requestsWithoutAPromptOfTheirOwnAreSentAsTheyAre() {
        JobRequest blend = new JobRequest.Blend(List.of(IMAGE, IMAGE), BlendDimensions.SQUARE);
        JobRequest shorten = new JobRequest.Shorten("cat");

        assertThat(ModeParameter.apply(blend, SpeedMode.RELAX, SpeedMode.FAST)).isSameAs(blend);
        assertThat(ModeParameter.apply(shorten, SpeedMode.RELAX, SpeedMode.FAST)).isSameAs(shorten);
    }
}
