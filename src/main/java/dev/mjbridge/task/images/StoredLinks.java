package dev.mjbridge.task.images;

import java.util.function.Supplier;

import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.task.Task;

/**
 * The lasting link of a stored picture: the store's own public address when it has one (a bucket
 * behind a public base URL), else this service's {@code /mj/image/{taskId}/{file}} on
 * {@code mj.images.public-base-url}, or on the base URL the task was submitted to, or on this
 * service's local address as a last resort (a task recovered from an older version).
 */
final class StoredLinks {

    /** Where the API serves stored pictures. */
    static final String IMAGE_PATH = "/mj/image/";

    private final ImageStore store;
    private final String publicBaseUrl;
    private final Supplier<String> ownBase;

    /** @param publicBaseUrl {@code mj.images.public-base-url}, null when not set */
    StoredLinks(ImageStore store, String publicBaseUrl, Supplier<String> ownBase) {
        this.store = store;
        this.publicBaseUrl = publicBaseUrl;
        this.ownBase = ownBase;
    }

    String of(Task task, ImageKey key) {
        return store.publicUrl(key).orElseGet(() -> withoutTrailingSlash(base(task)) + IMAGE_PATH + key);
    }

    private String base(Task task) {
        if (publicBaseUrl != null) {
            return publicBaseUrl;
        }
        String submittedTo = task.internal().linkBase();
        return submittedTo != null ? submittedTo : ownBase.get();
    }

    private static String withoutTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
