package dev.mjbridge.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Where Midjourney serves a job's files ({@code mj.midjourney.cdn}, or the sandbox's base URL in
 * sandbox mode), permanently, unlike Discord's attachment links. The result message of an animate
 * job shows only an animated preview; its four MP4 clips live here, at
 * {@code <base>/video/<jobHash>/<n>.mp4}, n = 0..3. A finished image job's grid is
 * {@code <base>/<jobHash>/grid_0.png} and its pictures {@code <base>/<jobHash>/0_<n>.png} (an
 * upscale's one picture is {@code 0_0}).
 */
public record MidjourneyCdn(String base) {

    /** How many clips an animate job makes. */
    public static final int CLIPS = 4;

    public MidjourneyCdn {
        base = base == null ? "" : base.strip().replaceAll("/+$", "");
        if (base.isEmpty()) {
            throw new IllegalArgumentException("the Midjourney CDN base URL is required");
        }
    }

    /** Picture {@code n} (0-3) of a grid, or with n = 0 the picture of an upscale. */
    public String picture(String jobHash, int n) {
        return base + "/" + jobHash + "/0_" + n + ".png";
    }

    /** The whole grid of a grid job. */
    public String grid(String jobHash) {
        return base + "/" + jobHash + "/grid_0.png";
    }

    /** Clip {@code n} (0-based) of job {@code jobHash}. */
    public String video(String jobHash, int n) {
        return base + "/video/" + jobHash + "/" + n + ".mp4";
    }

    /** The four clips of an animate job, in order. */
    public List<String> videos(String jobHash) {
        List<String> urls = new ArrayList<>(CLIPS);
        for (int n = 0; n < CLIPS; n++) {
            urls.add(video(jobHash, n));
        }
        return urls;
    }
}
