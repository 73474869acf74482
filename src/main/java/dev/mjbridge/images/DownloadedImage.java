package dev.mjbridge.images;

/**
 * A downloaded file: its bytes, the content type the server named (may be null), and the link it
 * came from, which is a fresh one when the first had expired. {@link #toString()} leaves out the
 * link's query (its signature).
 */
public record DownloadedImage(byte[] bytes, String contentType, String url) {

    @Override
    public String toString() {
        return "DownloadedImage[" + bytes.length + " bytes, " + contentType + ", " + Links.withoutQuery(url) + "]";
    }
}
