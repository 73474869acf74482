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
 * The simulated {@code cdn.discordapp.com}: the bot attaches images by recipe and gets
 * back Discord attachment objects whose URLs point here.
 */
@Component
public class Cdn {

    /** One image the CDN can serve. */
    public record Entry(String channelId, String attachmentId, String filename, ImageRecipe recipe) {
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
     * url and proxy_url (with {@code ex}, {@code is}, {@code hm}), width, height, content_type.
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
        attachment.put("content_type", renderer.contentType(filename));
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
        ImageFormat format = ImageFormat.forFilename(entry.filename());
        return rendered.get(new RenderKey(entry.recipe(), format), key -> format.encode(renderer.draw(key.recipe())));
    }

    /** Slow-CDN fault: every CDN response waits this long before its first byte. */
    public void setDelay(Duration value) {
        delay = value == null || value.isNegative() ? Duration.ZERO : value;
    }

    public Duration delay() {
        return delay;
    }
}
