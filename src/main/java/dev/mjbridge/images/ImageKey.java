package dev.mjbridge.images;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where one stored picture lives: {@code {taskId}/{file}}. Both parts are checked against strict
 * patterns when the key is made, so no key can hold a path separator, a dot segment, an encoded
 * character or a NUL: whatever a request says, a key names a file inside its task's folder.
 *
 * @param taskId digits only
 * @param file   letters, digits, {@code _} and {@code -}, then one dot and a known extension
 */
public record ImageKey(String taskId, String file) {

    private static final Pattern TASK_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-]{1,100}\\.(png|webp|jpg|jpeg|gif|mp4)");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "png", "image/png",
            "webp", "image/webp",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "mp4", "video/mp4");

    public ImageKey {
        if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
            throw new InvalidImageKeyException("taskId", "must be a task id (1 to 32 digits)");
        }
        if (file == null || !FILE.matcher(file).matches()) {
            throw new InvalidImageKeyException("file", "must be a file name of letters, digits, '_' and '-' "
                    + "with one extension of png, webp, jpg, jpeg, gif or mp4");
        }
    }

    /** The media type the extension stands for. */
    public String contentType() {
        String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.get(extension);
    }

    @Override
    public String toString() {
        return taskId + "/" + file;
    }
}
