package dev.mjbridge.sandbox.cdn;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Midjourney's own CDN for finished image jobs: {@code /<job hash>/0_<n>.png} is picture n
 * (0-3) of a grid, or the one picture of an upscale ({@code 0_0}), and {@code .webp} the
 * same picture as WebP. Unlike Discord's attachment links these never expire. A grid picture
 * is drawn from the same recipe the grid pastes into that quadrant, so its pixels equal the
 * quadrant of the grid exactly.
 */
@Component
public class MidjourneyFiles {

    /** Path under the sandbox root where this CDN lives ({@code mj.midjourney.cdn} of embedded mode). */
    public static final String BASE_PATH = "/mj-cdn";

    private static final Pattern PICTURE_FILE = Pattern.compile("0_([0-9])\\.(png|webp)");
    private static final Pattern GRID_FILE = Pattern.compile("grid_0\\.(png|webp)");

    private final Cdn cdn;
    /** Per finished job hash, the recipe of each picture, in the order of their numbers in the URL. */
    private final Map<String, List<ImageRecipe>> jobs = new ConcurrentHashMap<>();
    /** Per finished grid job's hash, the whole grid. */
    private final Map<String, ImageRecipe> grids = new ConcurrentHashMap<>();

    public MidjourneyFiles(Cdn cdn) {
        this.cdn = cdn;
    }

    /**
     * Publishes a finished job's pictures: a grid as its four quadrants ({@code 0_0} to {@code 0_3})
     * and whole ({@code grid_0}), any single picture (upscale) as {@code 0_0}. Other recipes (previews, videos) are not images
     * Midjourney serves here and are ignored.
     */
    public void publish(String jobHash, ImageRecipe result) {
        if (jobHash == null || jobHash.isBlank()) {
            throw new IllegalArgumentException("a job needs a hash");
        }
        switch (result.kind()) {
            case GRID -> {
                grids.put(jobHash, result);
                jobs.put(jobHash, quadrants(result));
            }
            case SINGLE -> jobs.put(jobHash, List.of(result));
            default -> {
            }
        }
    }

    /** The file at {@code <base>/<jobHash>/<file>}, or empty for an unknown job, picture or name. */
    public Optional<ServedFile> file(String jobHash, String file) {
        ImageRecipe grid = grids.get(jobHash);
        if (grid != null && GRID_FILE.matcher(file).matches()) {
            ImageFormat format = ImageFormat.forFilename(file);
            return Optional.of(new ServedFile(cdn.render(grid, format), format.contentType()));
        }
        Matcher picture = PICTURE_FILE.matcher(file);
        List<ImageRecipe> pictures = jobs.get(jobHash);
        if (!picture.matches() || pictures == null) {
            return Optional.empty();
        }
        int n = Integer.parseInt(picture.group(1));
        if (n >= pictures.size()) {
            return Optional.empty();
        }
        ImageFormat format = ImageFormat.forFilename(file);
        return Optional.of(new ServedFile(cdn.render(pictures.get(n), format), format.contentType()));
    }

    private static List<ImageRecipe> quadrants(ImageRecipe grid) {
        List<ImageRecipe> pictures = new ArrayList<>(4);
        for (int picture = 1; picture <= 4; picture++) {
            GridComposer.Region region = GridComposer.quadrant(picture, grid.width(), grid.height());
            pictures.add(ImageRecipe.single(grid.prompt(), grid.seed(), picture, region.width(), region.height()));
        }
        return List.copyOf(pictures);
    }
}
