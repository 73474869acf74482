package dev.mjbridge.sandbox.cdn;

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

    private final SandboxUrls urls;
    private final Snowflakes snowflakes;
    private final ImageRenderer renderer;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    public Cdn(SandboxUrls urls, Snowflakes snowflakes, ImageRenderer renderer) {
        this.urls = urls;
        this.snowflakes = snowflakes;
        this.renderer = renderer;
    }

    /**
     * Registers an image and returns its Discord attachment object: id, filename, size,
     * url and proxy_url (with {@code ex}, {@code is}, {@code hm}), width, height, content_type.
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

    public byte[] render(Entry entry) {
        return renderer.render(entry.recipe(), entry.filename());
    }

    /** Slow-CDN fault: every image response waits this long before its first byte. */
    public void setDelay(Duration value) {
        delay = value;
    }

    public Duration delay() {
        return delay;
    }
}
