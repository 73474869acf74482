package dev.mjbridge.sandbox.cdn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.world.Snowflakes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated {@code cdn.discordapp.com}: the bot attaches images and videos by recipe
 * and gets back Discord attachment objects whose URLs point here. It also plays
 * Midjourney's own CDN for finished video jobs ({@code /video/<job hash>/<n>.mp4}).
 */
@Component
public class Cdn {

    /**
     * One attached file (image or video) the CDN can serve; ephemeral ones live under
     * {@code /ephemeral-attachments/}, where Discord keeps Midjourney's short-lived previews.
     */
    public record Entry(String channelId, String attachmentId, String filename, ImageRecipe recipe,
                        boolean ephemeral) {
    }

    /** Bound on the rendered bytes kept in memory; beyond it, least recently used images are re-rendered on demand. */
    static final long CACHE_BYTES = 64L * 1024 * 1024;

    /** Identical recipes in the same format share one rendering, whatever attachment they belong to. */
    private record RenderKey(ImageRecipe recipe, ImageFormat format) {
    }

    private final SandboxUrls urls;
    private final Snowflakes snowflakes;
    private final ImageRenderer renderer;
    private final SignedLinks links;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Per published job hash, the recipe of each clip, in the order of their numbers in the URL. */
    private final Map<String, List<ImageRecipe>> videoJobs = new ConcurrentHashMap<>();
    private final Cache<RenderKey, byte[]> rendered = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((RenderKey key, byte[] bytes) -> bytes.length)
            .build();
    private volatile Duration delay = Duration.ZERO;

    public Cdn(SandboxUrls urls, Snowflakes snowflakes, ImageRenderer renderer, SignedLinks links) {
        this.urls = urls;
        this.snowflakes = snowflakes;
        this.renderer = renderer;
        this.links = links;
    }

    /**
     * Registers an image and returns its Discord attachment object: id, filename, size,
     * url and proxy_url (with {@code ex}, {@code is}, {@code hm}), width, height, content_type,
     * and for videos {@code duration_secs}.
     * Nothing is rendered yet: most previews are never downloaded, so {@code size} is an estimate.
     */
    public ObjectNode attach(String channelId, String filename, ImageRecipe recipe) {
        return attach(channelId, filename, recipe, false);
    }

    /**
     * As {@link #attach}, but an ephemeral attachment: served under {@code /ephemeral-attachments/}
     * and marked {@code "ephemeral": true}. Midjourney's progress previews of button actions and
     * video jobs (the {@code _step_} JPEGs) are ephemeral attachments in the captured traffic.
     */
    public ObjectNode attachEphemeral(String channelId, String filename, ImageRecipe recipe) {
        return attach(channelId, filename, recipe, true);
    }

    private ObjectNode attach(String channelId, String filename, ImageRecipe recipe, boolean ephemeral) {
        String attachmentId = snowflakes.next();
        entries.put(attachmentId, new Entry(channelId, attachmentId, filename, recipe, ephemeral));
        String path = (ephemeral ? "/ephemeral-attachments/" : "/attachments/") + channelId + "/" + attachmentId
                + "/" + filename;
        String query = links.query(path);
        ObjectNode attachment = JsonNodeFactory.instance.objectNode();
        attachment.put("id", attachmentId);
        attachment.put("filename", filename);
        ImageFormat format = ImageFormat.forFilename(filename);
        attachment.put("size", renderer.estimatedSize(recipe, format));
        attachment.put("url", urls.http() + path + query);
        attachment.put("proxy_url", urls.http() + "/media" + path + query);
        attachment.put("width", recipe.width());
        attachment.put("height", recipe.height());
        attachment.put("content_type", format.contentType());
        if (format.isVideo()) {
            attachment.put("duration_secs", renderer.durationMillis(recipe) / 1000.0);
        }
        if (ephemeral) {
            attachment.put("ephemeral", true);
        }
        return attachment;
    }

    public Optional<Entry> find(String attachmentId) {
        return Optional.ofNullable(entries.get(attachmentId));
    }

    /** The file at {@code /attachments/{channelId}/{attachmentId}/{filename}}: all three must match, as on Discord. */
    public Optional<ServedFile> file(String channelId, String attachmentId, String filename) {
        return file(false, channelId, attachmentId, filename);
    }

    /** The file at {@code /ephemeral-attachments/{channelId}/{attachmentId}/{filename}}, likewise. */
    public Optional<ServedFile> ephemeralFile(String channelId, String attachmentId, String filename) {
        return file(true, channelId, attachmentId, filename);
    }

    private Optional<ServedFile> file(boolean ephemeral, String channelId, String attachmentId, String filename) {
        return find(attachmentId)
                .filter(entry -> entry.ephemeral() == ephemeral)
                .filter(entry -> entry.channelId().equals(channelId) && entry.filename().equals(filename))
                .map(entry -> new ServedFile(render(entry), renderer.contentType(entry.filename())));
    }

    /** The entry's image bytes, rendered once and then served from the cache while it fits. */
    public byte[] render(Entry entry) {
        return render(entry.recipe(), ImageFormat.forFilename(entry.filename()));
    }

    /** The recipe's bytes in the format, from the same cache as attachments. */
    byte[] render(ImageRecipe recipe, ImageFormat format) {
        return rendered.get(new RenderKey(recipe, format), key -> renderer.encode(key.recipe(), key.format()));
    }

    /**
     * Publishes a finished video job's four clips: from now on {@link #video} serves clip n
     * (0-3) of {@code jobHash}, as Midjourney's CDN does at {@code /video/<hash>/<n>.mp4}.
     * Publishing the same hash again replaces its clips.
     */
    public void publishVideos(String jobHash, String prompt, long seed, int width, int height, boolean highMotion) {
        publishVideos(jobHash, prompt, seed, 1, width, height, highMotion);
    }

    /** As above, the clips moving picture {@code picture} (1-4) of the job (the one that was animated). */
    public void publishVideos(String jobHash, String prompt, long seed, int picture, int width, int height,
                              boolean highMotion) {
        List<ImageRecipe> clips = new ArrayList<>(4);
        for (int clip = 0; clip < 4; clip++) {
            clips.add(ImageRecipe.videoClip(prompt, seed, clip, width, height, highMotion).startingFrom(picture));
        }
        publishClips(jobHash, clips);
    }

    /**
     * Publishes any clips under a job hash, clip n at {@code /video/<hash>/<n>.mp4}; e.g. a video
     * upscale publishes the one clip it upscaled, which Midjourney serves as {@code 0.mp4} of the new hash.
     */
    public void publishClips(String jobHash, List<ImageRecipe> clips) {
        if (jobHash == null || jobHash.isBlank()) {
            throw new IllegalArgumentException("a video job needs a hash");
        }
        if (clips.isEmpty() || clips.size() > 10) {
            throw new IllegalArgumentException("a video job has 1-10 clips, not " + clips.size());
        }
        videoJobs.put(jobHash, List.copyOf(clips));
    }

    /** Clip {@code clip} of a published video job, or empty for an unknown job or clip number. */
    public Optional<ServedFile> video(String jobHash, int clip) {
        List<ImageRecipe> clips = videoJobs.get(jobHash);
        if (clips == null || clip < 0 || clip >= clips.size()) {
            return Optional.empty();
        }
        return Optional.of(new ServedFile(render(clips.get(clip), ImageFormat.MP4), ImageFormat.MP4.contentType()));
    }

    /** Where clip {@code clip} of a published video job is served. */
    public String videoUrl(String jobHash, int clip) {
        return urls.http() + "/video/" + jobHash + "/" + clip + ".mp4";
    }

    /** Slow-CDN fault: every CDN response waits this long before its first byte. */
    public void setDelay(Duration value) {
        delay = value == null || value.isNegative() ? Duration.ZERO : value;
    }

    public Duration delay() {
        return delay;
    }
}
