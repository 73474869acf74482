package dev.mjbridge.midjourney;

/**
 * A file already put to Discord's upload URL, ready to be attached to a command.
 *
 * @param filename         the file name users see, e.g. {@code cat.png}
 * @param uploadedFilename the {@code upload_filename} Discord returned with the upload URL
 */
public record UploadedImage(String filename, String uploadedFilename) {
}
