package dev.mjbridge.task.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.images.DownloadedImage;
import dev.mjbridge.images.FileExtensions;
import dev.mjbridge.images.GridPicture;
import dev.mjbridge.images.GridSplitter;
import dev.mjbridge.images.ImageDownloadException;
import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.ImageRejectedException;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.task.ImageLink;
import dev.mjbridge.task.Task;

/**
 * Makes the stored copy of a result's picture: downloads it (refreshing Discord's link through
 * the result message if it expired), stores it, and for a grid cuts it into its four pictures,
 * stored beside it. Either everything is stored or nothing stays behind.
 * <p>
 * File names start with 128 random bits: pictures are public by default, so their links must not
 * be guessable from a task id.
 */
final class PictureCopies {

    private static final Logger log = LoggerFactory.getLogger(PictureCopies.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImageStore store;
    private final Downloaders downloaders;
    private final GridSplitter splitter;
    private final FreshLinks freshLinks;
    private final StoredLinks links;
    private final Executor executor;

    /** @param executor where pictures are cut and written (blocking work, off the HTTP client's threads) */
    PictureCopies(ImageStore store, Downloaders downloaders, GridSplitter splitter, FreshLinks freshLinks,
                  StoredLinks links, Executor executor) {
        this.store = store;
        this.downloaders = downloaders;
        this.splitter = splitter;
        this.freshLinks = freshLinks;
        this.links = links;
        this.executor = executor;
    }

    /**
     * What was stored for a task: the link of the picture, the grid's four pictures (null for one
     * picture, or a grid that could not be cut) and the stored files.
     */
    record Copy(String imageUrl, List<ImageLink> pictures, List<ImageInfo> files) {
    }

    /** Why making a copy failed, in words for clients, and whether the store (not the download) failed. */
    record Failure(String reason, boolean storeFault) {

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

    /**
     * @param discordUrl the result's Discord link
     * @param messageId  the result message, read again for a fresh link if {@code discordUrl} expired
     * @param grid       whether the picture is a grid to cut into four
     */
    CompletableFuture<Copy> copy(Task task, String discordUrl, String messageId, boolean grid) {
        return downloaders.forTask(task).download(discordUrl, expired -> freshLinks.of(task, messageId))
                .thenApplyAsync(image -> store(task, image, grid), executor);
    }

    private Copy store(Task task, DownloadedImage image, boolean grid) {
        String name = newName();
        List<ImageInfo> files = new ArrayList<>(5);
        try {
            ImageKey main = new ImageKey(task.id(), name + "." + FileExtensions.of(image.bytes(), image.url()));
            files.add(store.put(main, new ByteArrayInputStream(image.bytes())));
            List<ImageLink> pictures = grid ? storePictures(task, name, image, files) : null;
            return new Copy(links.of(task, main), pictures, List.copyOf(files));
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
}
