package dev.mjbridge.sandbox.cdn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.world.Snowflakes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
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

    /** One image the CDN can serve. */
    public record Entry(String channelId, String attachmentId, String filename, ImageRecipe recipe) {
    }

    /** The four clips of a finished video job, as published under the job's hash. */
    public record VideoJob(String prompt, long seed, int width, int height, boolean highMotion) {

        public ImageRecipe clip(int clip) {
            return ImageRecipe.videoClip(prompt, seed, clip, width, height, highMotion);
        }
    }

    /** Bound on the rendered bytes kept in memory; beyond it, least recently used images are re-rendered on demand. */
    static final long CACHE_BYTES = 64L * 1024 * 1024;

    /** Identical recipes in the same format share one rendering, whatever attachment they belong to. */
    private record RenderKey(ImageRecipe recipe, ImageFormat format) {
    }

    private final SandboxUrls urls;
    private final Snowflakes snowflakes;
    private final ImageRenderer renderer;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, VideoJob> videoJobs = new ConcurrentHashMap<>();
    private final Cache<RenderKey, byte[]> rendered = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((RenderKey key, byte[] bytes) -> bytes.length)
            .build();
    private volatile Duration delay = Duration.ZERO;

    public Cdn(SandboxUrls urls, Snowflakes snowflakes, ImageRenderer renderer) {
        this.urls = urls;
        this.snowflakes = snowflakes;
        this.renderer = renderer;
    }

    /**
     * Registers an image and returns its Discord attachment object: id, filename, size,
     * url and proxy_url (with {@code ex}, {@code is}, {@code hm}), width, height, content_type,
     * and for videos {@code duration_secs}.
     * Nothing is rendered yet: most previews are never downloaded, so {@code size} is an estimate.
     */
    public ObjectNode attach(String channelId, String filename, ImageRecipe recipe) {
        String attachmentId = snowflakes.next();
        entries.put(attachmentId, new Entry(channelId, attachmentId, filename, recipe));
        long issued = System.currentTimeMillis() / 1000;
        String query = "?ex=" + Long.toHexString(issued + 86_400) + "&is=" + Long.toHexString(issued)
                + "&hm=" + Integer.toHexString((attachmentId + filename).hashCode()) + "&";
        String path = "/attachments/" + channelId + "/" + attachmentId + "/" + filename;
        ObjectNode attachment = JsonNodeFactory.instance.objectNode();
        attachment.put("id", attachmentId);
        attachment.put("filename", filename);
        attachment.put("size", recipe.width() * recipe.height() * 3L);
        attachment.put("url", urls.http() + path + query);
        attachment.put("proxy_url", urls.http() + "/media" + path + query);
        attachment.put("width", recipe.width());
        attachment.put("height", recipe.height());
        ImageFormat format = ImageFormat.forFilename(filename);
        attachment.put("content_type", format.contentType());
        if (format.isVideo()) {
            attachment.put("duration_secs", renderer.durationMillis(recipe) / 1000.0);
        }
        return attachment;
    }

    public Optional<Entry> find(String attachmentId) {
        return Optional.ofNullable(entries.get(attachmentId));
    }

    /** The file at {@code /attachments/{channelId}/{attachmentId}/{filename}}: all three must match, as on Discord. */
    public Optional<ServedFile> file(String channelId, String attachmentId, String filename) {
        return find(attachmentId)
                .filter(entry -> entry.channelId().equals(channelId) && entry.filename().equals(filename))
                .map(entry -> new ServedFile(render(entry), renderer.contentType(entry.filename())));
    }

    /** The entry's image bytes, rendered once and then served from the cache while it fits. */
    public byte[] render(Entry entry) {
        return render(entry.recipe(), ImageFormat.forFilename(entry.filename()));
    }

    private byte[] render(ImageRecipe recipe, ImageFormat format) {
        return rendered.get(new RenderKey(recipe, format), key -> renderer.encode(key.recipe(), key.format()));
    }

    /**
     * Publishes a finished video job's four clips: from now on {@link #video} serves clip n
     * (0-3) of {@code jobHash}, as Midjourney's CDN does at {@code /video/<hash>/<n>.mp4}.
     * Publishing the same hash again replaces its clips.
     */
    public void publishVideos(String jobHash, String prompt, long seed, int width, int height, boolean highMotion) {
        if (jobHash == null || jobHash.isBlank()) {
            throw new IllegalArgumentException("a video job needs a hash");
        }
        videoJobs.put(jobHash, new VideoJob(prompt, seed, width, height, highMotion));
    }

    /** Clip {@code clip} of a published video job, or empty for an unknown job or a clip outside 0-3. */
    public Optional<ServedFile> video(String jobHash, int clip) {
        VideoJob job = videoJobs.get(jobHash);
        if (job == null || clip < 0 || clip > 3) {
            return Optional.empty();
        }
        return Optional.of(new ServedFile(render(job.clip(clip), ImageFormat.MP4), ImageFormat.MP4.contentType()));
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
