package dev.mjbridge.images;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @Test
    void aLinkIsShownWithoutItsQuery() {
        assertThat(Links.withoutQuery("https://cdn.discordapp.com/attachments/1/2/grid_0f1e.webp?ex=6a&is=69&hm=abcdef&"))
                .isEqualTo("https://cdn.discordapp.com/attachments/1/2/grid_0f1e.webp");
        assertThat(Links.withoutQuery("http://127.0.0.1:8090/mj-cdn/h/0_1.png")).isEqualTo("http://127.0.0.1:8090/mj-cdn/h/0_1.png");
        assertThat(Links.withoutQuery("not a link ^ at all?hm=secret")).doesNotContain("secret");
        assertThat(Links.withoutQuery(null)).isEqualTo("null");
    }
}
