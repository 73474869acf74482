package dev.mjbridge.task;

import java.util.List;

/**
 * The picture links of a finished task, set the same way wherever they change: when its picture
 * is first kept, when a failed copy is stored later, and when retention removes the copy again.
 */
public final class ImageFields {

    private ImageFields() {
    }

    /**
     * The stored copy's links: {@code imageUrl}, the grid's {@code imageUrls} (also as plain strings in
     * {@code properties.imageUrls}), and no {@code imageStoreError} any more.
     *
     * @param pictures null for a single picture
     */
    public static Task withStoredCopy(Task task, String imageUrl, List<ImageLink> pictures) {
        TaskProperties properties = task.properties()
                .withExtra(TaskTransitions.IMAGE_STORE_ERROR, null)
                .withExtra(TaskTransitions.IMAGE_URLS, pictures == null ? null : pictures.stream().map(ImageLink::url).toList());
        return task.withImageUrl(imageUrl).withImageUrls(pictures).withProperties(properties);
    }

    /** Back to Discord's link ({@code properties.discordImageUrl}) once the stored copy is gone. */
    public static Task withoutStoredCopy(Task task) {
        Object discord = task.properties().extraValue(TaskTransitions.DISCORD_IMAGE_URL);
        TaskProperties properties = task.properties().withExtra(TaskTransitions.IMAGE_URLS, null);
        return task.withImageUrl(discord == null ? null : discord.toString()).withImageUrls(null)
                .withProperties(properties);
    }
}
