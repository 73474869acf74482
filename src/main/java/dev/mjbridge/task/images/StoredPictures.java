package dev.mjbridge.task.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.images.DownloadedImage;
import dev.mjbridge.images.FileExtensions;
import dev.mjbridge.images.GridPicture;
import dev.mjbridge.images.GridSplitter;
import dev.mjbridge.images.ImageDownloadException;
import dev.mjbridge.images.ImageDownloader;
import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.ImageRejectedException;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.images.Links;
import dev.mjbridge.task.ImageLink;
import dev.mjbridge.task.ResultImages;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskUpdate;
import dev.mjbridge.task.TaskWriter;

/**
 * {@code mj.images.url: stored}: a result's picture is downloaded (refreshing Discord's link
 * through the result message if it expired), stored, and for a grid cut into its four pictures,
 * stored beside it; then the held task succeeds with the stored links. When the download or the
 * store finally fails, the task succeeds with Discord's link and the reason, and the
 * {@link KeepOutcomes} hear of it so the picture can be tried again later.
 * <p>
 * File names start with 128 random bits: pictures are public by default, so their links must not
 * be guessable from a task id.
 */
final class StoredPictures implements ResultImages {

    private static final Logger log = LoggerFactory.getLogger(StoredPictures.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImageStore store;
    private final ImageDownloader downloader;
    private final GridSplitter splitter;
    private final FreshLinks freshLinks;
    private final StoredLinks links;
    private final TaskWriter writer;
    private final KeepOutcomes outcomes;
    private final Executor executor;
    /** Tasks whose picture is being kept now: a second request for one of them is dropped. */
    private final Set<String> keeping = ConcurrentHashMap.newKeySet();

    /** @param executor where pictures are cut and written (blocking work, off the HTTP client's threads) */
    StoredPictures(ImageStore store, ImageDownloader downloader, GridSplitter splitter, FreshLinks freshLinks,
                   StoredLinks links, TaskWriter writer, KeepOutcomes outcomes, Executor executor) {
        this.store = store;
        this.downloader = downloader;
        this.splitter = splitter;
        this.freshLinks = freshLinks;
        this.links = links;
        this.writer = writer;
        this.outcomes = outcomes;
        this.executor = executor;
    }

    @Override
    public boolean holds(Task task, TaskUpdate.Finished result) {
        return result.imageUrl() != null;
    }

    @Override
    public void keep(Task heldTask) {
        TaskUpdate.Finished result = heldTask.internal().held();
        if (result == null || !keeping.add(heldTask.id())) {
            return;
        }
        String taskId = heldTask.id();
        downloader.download(result.imageUrl(), expired -> freshLinks.of(heldTask, result.messageId()))
                .thenApplyAsync(image -> store(heldTask, result, image), executor)
                .whenComplete((kept, error) -> {
                    keeping.remove(taskId);
                    if (error == null) {
                        writer.apply(taskId, kept.update());
                        outcomes.stored(taskId, kept.files());
                    } else {
                        Failure failure = Failure.of(error);
                        log.warn("task {}: could not keep its picture {} ({}); it finishes with Discord's link",
                                taskId, Links.withoutQuery(result.imageUrl()), failure.reason());
                        writer.apply(taskId, new TaskUpdate.ImagesNotKept(failure.reason()));
                        outcomes.failed(taskId, failure.reason(), failure.storeFault());
                    }
                });
    }

    /** What was stored for one task, and the update that finishes it. */
    private record Kept(TaskUpdate.ImagesKept update, List<ImageInfo> files) {
    }

    private Kept store(Task task, TaskUpdate.Finished result, DownloadedImage image) {
        String name = newName();
        List<ImageInfo> files = new ArrayList<>(5);
        try {
            ImageKey main = new ImageKey(task.id(), name + "." + FileExtensions.of(image.bytes(), image.url()));
            files.add(store.put(main, new ByteArrayInputStream(image.bytes())));
            List<ImageLink> pictures = null;
            if (ResultShape.isGrid(result)) {
                pictures = storePictures(task, name, image, files);
            }
            return new Kept(new TaskUpdate.ImagesKept(links.of(task, main), pictures), List.copyOf(files));
        } catch (IOException e) {
            removeQuietly(files);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            removeQuietly(files);
            throw e;
        }
    }

    /** The grid's four pictures, or null when the grid cannot be cut (it is still kept whole). */
    private List<ImageLink> storePictures(Task task, String name, DownloadedImage grid, List<ImageInfo> files)
            throws IOException {
        List<GridPicture> cut;
        try {
            cut = splitter.split(grid.bytes());
        } catch (ImageRejectedException e) {
            log.warn("task {}: the grid cannot be cut into its pictures ({}); imageUrls stays empty", task.id(),
                    e.getMessage());
            return null;
        }
        List<ImageLink> pictures = new ArrayList<>(cut.size());
        for (GridPicture picture : cut) {
            ImageKey key = new ImageKey(task.id(), name + "_" + picture.position() + ".png");
            files.add(store.put(key, new ByteArrayInputStream(picture.png())));
            pictures.add(new ImageLink(links.of(task, key), picture.position()));
        }
        return pictures;
    }

    private void removeQuietly(List<ImageInfo> files) {
        for (ImageInfo file : files) {
            try {
                store.delete(file.key());
            } catch (IOException | RuntimeException e) {
                log.warn("could not remove {} after a failed store: {}", file.key(), e.getMessage());
            }
        }
    }

    private static String newName() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Why keeping failed, in words for clients, and whether the store (rather than the download) failed. */
    private record Failure(String reason, boolean storeFault) {

        static Failure of(Throwable error) {
            Throwable cause = error;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException
                    || cause instanceof UncheckedIOException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ImageDownloadException download) {
                return new Failure("download failed: " + download.getMessage(), false);
            }
            String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new Failure("storing the picture failed: " + detail, true);
        }
    }
}
