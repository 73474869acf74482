package dev.mjbridge.sandbox.cdn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pictures of video jobs: clips, the animated grid and the step previews. */
class VideoRecipesTest {

    private static final String PROMPT = "a lighthouse on a cliff at dusk --motion high --video 1";

    private final ImageRenderer renderer = new ImageRenderer();

    @Test
    void aClipIsTwoSecondsOfTwelveFramesASecondThatKeepMoving() {
        Frames clip = renderer.animate(ImageRecipe.videoClip(PROMPT, 3, 1, 160, 120, true));

        assertThat(clip.count()).isEqualTo(24);
        assertThat(clip.framesPerSecond()).isEqualTo(12);
        assertThat(clip.durationMillis()).isEqualTo(2000).isEqualTo(renderer.durationMillis(
                ImageRecipe.videoClip(PROMPT, 3, 1, 160, 120, true)));
        assertThat(clip.width()).isEqualTo(160);
        assertThat(clip.height()).isEqualTo(120);
        GridComposer.Region all = new GridComposer.Region(0, 0, 160, 120);
        for (int i = 1; i < clip.count(); i++) {
            assertThat(ImageStats.meanDifference(clip.frames().get(i - 1), clip.frames().get(i), all))
                    .as("frame %d moved on from frame %d", i, i - 1).isPositive();
        }
    }

    @Test
    void theFourClipsStartAlikeAndDriftApart() {
        Frames[] clips = new Frames[4];
        for (int clip = 0; clip < 4; clip++) {
            clips[clip] = ClipAnimator.clip(PROMPT, 12, 1, clip, 128, 128, false);
        }
        GridComposer.Region all = new GridComposer.Region(0, 0, 128, 128);
        for (int a = 0; a < 4; a++) {
            assertThat(clips[a].first().rgb()).as("clip %d starts from the shared image", a)
                    .isEqualTo(clips[0].first().rgb());
            for (int b = a + 1; b < 4; b++) {
                assertThat(ImageStats.meanDifference(clips[a].frames().get(23), clips[b].frames().get(23), all))
                        .as("clips %d and %d end differently", a, b).isGreaterThan(1);
            }
        }
    }

    @Test
    void highMotionMovesFurtherThanLowMotion() {
        GridComposer.Region all = new GridComposer.Region(0, 0, 192, 192);
        for (long seed = 1; seed <= 5; seed++) {
            Frames low = ClipAnimator.clip(PROMPT, seed, 1, 2, 192, 192, false);
            Frames high = ClipAnimator.clip(PROMPT, seed, 1, 2, 192, 192, true);
            double lowTravel = ImageStats.meanDifference(low.first(), low.frames().get(23), all);
            double highTravel = ImageStats.meanDifference(high.first(), high.frames().get(23), all);
            assertThat(highTravel).as("seed %d", seed).isGreaterThan(lowTravel);
            assertThat(lowTravel).as("low motion still moves, seed %d", seed).isGreaterThan(0.5);
        }
    }

    @Test
    void everyFrameKeepsTheSandboxStampInPlace() {
        Frames clip = ClipAnimator.clip(PROMPT, 7, 1, 0, 256, 256, true);
        GridComposer.Region stampArea = new GridComposer.Region(64, 192, 128, 64);
        for (int i = 0; i < clip.count(); i++) {
            assertThat(countWhite(clip.frames().get(i), stampArea)).as("frame %d", i).isGreaterThan(100);
        }
    }

    @Test
    void theAnimatedGridPlaysClipNInPlaceNPlusOne() {
        Frames grid = renderer.animate(ImageRecipe.animation(PROMPT, 9, 200, 160, true));

        assertThat(grid.count()).isEqualTo(24);
        for (int clip = 0; clip < 4; clip++) {
            GridComposer.Region place = GridComposer.quadrant(clip + 1, 200, 160);
            Frames alone = ClipAnimator.clip(PROMPT, 9, 1, clip, place.width(), place.height(), true);
            for (int i : new int[] {0, 13, 23}) {
                Pixels frame = grid.frames().get(i);
                Pixels expected = alone.frames().get(i);
                for (int y = 0; y < place.height(); y++) {
                    for (int x = 0; x < place.width(); x++) {
                        assertThat(frame.get(place.x() + x, place.y() + y)).isEqualTo(expected.get(x, y));
                    }
                }
            }
        }
        assertThat(renderer.draw(ImageRecipe.animation(PROMPT, 9, 200, 160, true)).rgb())
                .as("a still of the animation is its first frame").isEqualTo(grid.first().rgb());
    }

    @Test
    void stepPreviewsAreJpegsThatSharpenStepByStep() throws IOException {
        Pixels sharp = ClipAnimator.frame(PROMPT, 5, 1, 2, 256, 256, false, 3 / 7.0);
        Pixels stepThree = renderer.draw(ImageRecipe.videoStep(PROMPT, 5, 2, 3, 256, 256));
        GridComposer.Region all = new GridComposer.Region(0, 0, 256, 256);
        assertThat(ImageStats.meanDifference(stepThree, sharp, all)).as("pixelated").isPositive();
        assertThat(ImageStats.distance(ImageStats.average(stepThree), ImageStats.average(sharp))).isLessThan(2);

        double previous = Double.MAX_VALUE;
        for (int step : new int[] {0, 2, 4, 6}) {
            Pixels preview = renderer.draw(ImageRecipe.videoStep(PROMPT, 5, 2, step, 256, 256));
            Pixels frame = ClipAnimator.frame(PROMPT, 5, 1, 2, 256, 256, false, step / 7.0);
            double blur = ImageStats.meanDifference(preview, frame, all);
            assertThat(blur).as("step %d", step).isLessThan(previous);
            previous = blur;
        }

        byte[] jpeg = renderer.render(ImageRecipe.videoStep(PROMPT, 5, 2, 3, 256, 256), "h_2_step_3.jpeg");
        assertThat(ImageTypes.sniff(jpeg)).isEqualTo("image/jpeg");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(256);
        Pixels read = new Pixels(256, 256);
        decoded.getRGB(0, 0, 256, 256, read.rgb(), 0, 256);
        for (int i = 0; i < read.rgb().length; i++) {
            read.rgb()[i] &= 0xFFFFFF;
        }
        assertThat(ImageStats.meanDifference(read, stepThree, all)).as("lossy, but the same picture").isLessThan(4);
        assertThat(renderer.render(ImageRecipe.videoStep(PROMPT, 5, 2, 3, 256, 256), "h_2_step_3.jpeg"))
                .isEqualTo(jpeg);
    }

    @Test
    void atStepZeroTheFourClipsLookAlike() {
        Pixels first = renderer.draw(ImageRecipe.videoStep(PROMPT, 5, 0, 0, 128, 128));
        for (int clip = 1; clip < 4; clip++) {
            assertThat(renderer.draw(ImageRecipe.videoStep(PROMPT, 5, clip, 0, 128, 128)).rgb()).isEqualTo(first.rgb());
            assertThat(renderer.draw(ImageRecipe.videoStep(PROMPT, 5, clip, 6, 128, 128)).rgb())
                    .isNotEqualTo(renderer.draw(ImageRecipe.videoStep(PROMPT, 5, 0, 6, 128, 128)).rgb());
        }
    }

    @Test
    void videoSizesAreBoundedAndClipsEven() {
        ImageRecipe clip = ImageRecipe.videoClip(PROMPT, 1, 0, 624, 624, true);
        assertThat(clip.width()).isEqualTo(ImageRecipe.MAX_CLIP_SIDE).isEqualTo(320);
        assertThat(clip.height()).isEqualTo(320);
        ImageRecipe wide = ImageRecipe.videoClip(PROMPT, 1, 0, 1456, 816, true);
        assertThat(wide.width()).isEqualTo(320);
        assertThat(wide.height()).isEqualTo(178);
        ImageRecipe odd = ImageRecipe.videoClip(PROMPT, 1, 0, 301, 199, true);
        assertThat(odd.width()).isEqualTo(300);
        assertThat(odd.height()).isEqualTo(198);
        ImageRecipe animation = ImageRecipe.animation(PROMPT, 1, 1248, 624, false);
        assertThat(animation.width()).isEqualTo(624);
        assertThat(animation.height()).isEqualTo(312);
        assertThat(ImageRecipe.animation(PROMPT, 1, 624, 624, false).width()).isEqualTo(624);
        ImageRecipe step = ImageRecipe.videoStep(PROMPT, 1, 3, 4, 256, 256);
        assertThat(step.width()).isEqualTo(256);
        assertThat(step.step()).isEqualTo(4);
    }

    @Test
    void aVideoCanStartFromAnyPictureOfTheJob() {
        ImageRecipe fromFirst = ImageRecipe.videoClip(PROMPT, 2, 0, 96, 96, true);
        ImageRecipe fromThird = fromFirst.startingFrom(3);

        assertThat(fromFirst.quadrant()).isEqualTo(1);
        assertThat(renderer.animate(fromThird).first().rgb())
                .isEqualTo(ClipAnimator.clip(PROMPT, 2, 3, 0, 96, 96, true).first().rgb())
                .isNotEqualTo(renderer.animate(fromFirst).first().rgb());
        assertThat(renderer.draw(ImageRecipe.animation(PROMPT, 2, 96, 96, true).startingFrom(4)).rgb())
                .isEqualTo(ClipAnimator.grid(PROMPT, 2, 4, 96, 96, true).first().rgb());
        assertThat(renderer.draw(ImageRecipe.videoStep(PROMPT, 2, 1, 6, 96, 96).startingFrom(2)).rgb())
                .isNotEqualTo(renderer.draw(ImageRecipe.videoStep(PROMPT, 2, 1, 6, 96, 96)).rgb());
        assertThatThrownBy(() -> fromFirst.startingFrom(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageRecipe.grid(PROMPT, 2, 96, 96).startingFrom(2))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stepPreviewsOfHighMotionJobsMoveAsFarAsTheirClips() {
        Pixels low = renderer.draw(ImageRecipe.videoStep(PROMPT, 2, 1, 7, 96, 96));
        Pixels high = renderer.draw(ImageRecipe.videoStep(PROMPT, 2, 1, 7, 96, 96, true));

        assertThat(high.rgb()).isEqualTo(ClipAnimator.clip(PROMPT, 2, 1, 1, 96, 96, true).frames().get(23).rgb());
        assertThat(low.rgb()).isEqualTo(ClipAnimator.clip(PROMPT, 2, 1, 1, 96, 96, false).frames().get(23).rgb());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4})
    void clipsAreNumberedZeroToThree(int clip) {
        assertThatThrownBy(() -> ImageRecipe.videoClip(PROMPT, 1, clip, 64, 64, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageRecipe.videoStep(PROMPT, 1, clip, 0, 64, 64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsFollowTheExtension() {
        assertThat(ImageFormat.forFilename("h_0_step_2.jpeg")).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.forFilename("x.JPG")).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.forFilename("user_words_h.mp4")).isEqualTo(ImageFormat.MP4);
        assertThat(renderer.contentType("user_words_h.mp4")).isEqualTo("video/mp4");
        assertThat(renderer.contentType("h_0_step_2.jpeg")).isEqualTo("image/jpeg");
        assertThat(ImageFormat.MP4.isVideo()).isTrue();
        assertThat(ImageFormat.WEBP.isVideo()).isFalse();
    }

    private static int countWhite(Pixels pixels, GridComposer.Region region) {
        int count = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                count += pixels.get(x, y) == 0xFFFFFF ? 1 : 0;
            }
        }
        return count;
    }
}
