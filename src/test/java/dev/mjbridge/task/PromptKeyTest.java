package dev.mjbridge.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptKeyTest {

    @Test
    void ignoresCaseSpacingAndBold() {
        assertThat(PromptKey.normalize("**A  Cat\tin   Space**")).isEqualTo("a cat in space");
    }

    @Test
    void dropsParametersMidjourneyMayAppendOrRewrite() {
        assertThat(PromptKey.normalize("cat --ar 3:2")).isEqualTo("cat");
        assertThat(PromptKey.normalize("cat --ar 3:2 --v 7 --style raw")).isEqualTo("cat");
        assertThat(PromptKey.normalize("cat \u2014ar 3:2")).isEqualTo("cat");
    }

    @Test
    void keepsDashesInsideWords() {
        assertThat(PromptKey.normalize("a sci-fi cat--ish thing")).isEqualTo("a sci-fi cat--ish thing");
    }

    @Test
    void dropsImageLinksInEitherForm() {
        assertThat(PromptKey.normalize("<https://s.mj.run/abc> a cat --iw 2")).isEqualTo("a cat");
        assertThat(PromptKey.normalize("https://cdn.example/a.png a cat")).isEqualTo("a cat");
    }

    @Test
    void nothingLeftIsEmpty() {
        assertThat(PromptKey.normalize("<https://s.mj.run/a> <https://s.mj.run/b> --ar 1:1")).isEmpty();
        assertThat(PromptKey.normalize(null)).isEmpty();
        assertThat(PromptKey.normalize("--ar 1:1")).isEmpty();
    }
}
