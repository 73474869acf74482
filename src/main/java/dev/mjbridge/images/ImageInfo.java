package dev.mjbridge.images;

import java.time.Instant;

/**
 * What a reader needs to know of a stored file before reading it.
 *
 * @param size         bytes
 * @param contentType  the media type the file name's extension stands for
 * @param lastModified when it was stored (millisecond precision: HTTP dates have whole seconds anyway)
 * @param etag         a strong validator: the quoted SHA-256 of the content, so equal bytes give
 *                     equal tags on any instance and any store (an S3 object put in the bucket by
 *                     other means has the server's own tag instead)
 */
public record ImageInfo(ImageKey key, long size, String contentType, Instant lastModified, String etag) {
}
