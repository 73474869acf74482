package dev.mjbridge.sandbox.cdn;

/** Bytes the CDN sends back, with the content type they are labelled with. */
public record ServedFile(byte[] bytes, String contentType) {
}
