package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.world.Snowflakes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CdnTest {

    private final AtomicInteger draws = new AtomicInteger();
    private final Cdn cdn = new Cdn(new SandboxUrls(), new Snowflakes(), new ImageRenderer() {
        @Override
        public Pixels draw(ImageRecipe recipe) {
            draws.incrementAndGet();
            return super.draw(recipe);
        }
    }, new SignedLinks(new SandboxUrls(), SandboxSettings.forTests()));

    @Test
    void repeatedDownloadsAreRenderedOnce() {
        ObjectNode attachment = cdn.attach("1", "grid.png", ImageRecipe.grid("cached", 1, 128, 128));
        String id = attachment.path("id").asString();

        byte[] first = cdn.file("1", id, "grid.png").orElseThrow().bytes();
        byte[] second = cdn.file("1", id, "grid.png").orElseThrow().bytes();

        assertThat(second).isEqualTo(first);
        assertThat(draws).hasValue(1);
    }

    @Test
    void theSameRecipeInAnotherFormatIsRenderedSeparately() {
        ImageRecipe recipe = ImageRecipe.preview("cached", 1, 64, 64, 50);
        String png = cdn.attach("1", "p.png", recipe).path("id").asString();
        String webp = cdn.attach("1", "p_0.webp", recipe).path("id").asString();
        String webpAgain = cdn.attach("1", "q_0.webp", recipe).path("id").asString();

        assertThat(cdn.file("1", png, "p.png").orElseThrow().contentType()).isEqualTo("image/png");
        assertThat(cdn.file("1", webp, "p_0.webp").orElseThrow().contentType()).isEqualTo("image/webp");
        assertThat(cdn.file("1", webpAgain, "q_0.webp")).isPresent();
        assertThat(draws).hasValue(2);
    }

    @Test
    void channelAttachmentIdAndFilenameMustAllMatch() {
        String id = cdn.attach("1", "a.png", ImageRecipe.grid("x", 1, 32, 32)).path("id").asString();

        assertThat(cdn.file("1", id, "a.png")).isPresent();
        assertThat(cdn.file("2", id, "a.png")).isEmpty();
        assertThat(cdn.file("1", id, "b.png")).isEmpty();
        assertThat(cdn.file("1", "404", "a.png")).isEmpty();
        assertThat(draws).hasValue(1);
    }

    @Test
    void negativeDelayMeansNoDelay() {
        cdn.setDelay(Duration.ofMillis(-5));
        assertThat(cdn.delay()).isZero();
        cdn.setDelay(Duration.ofMillis(250));
        assertThat(cdn.delay()).isEqualTo(Duration.ofMillis(250));
    }
}
