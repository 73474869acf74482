package dev.mjbridge.it.flows;

import dev.mjbridge.it.MjApi;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Images a client sends (generated PNGs, masks) and the images it gets back (downloaded and decoded). */
final class Images {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Images() {
    }

    /**
     * A small PNG as a data URL. Each colour gives different bytes: Midjourney refuses
     * to blend the same image twice.
     */
    static String pngDataUrl(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        return dataUrl(image);
    }

    /** A vary-region mask: white (repaint) on the left half, black (keep) on the right. */
    static String maskDataUrl(int width, int height) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < width / 2; x++) {
            for (int y = 0; y < height; y++) {
                mask.setRGB(x, y, 0xFFFFFF);
            }
        }
        return dataUrl(mask);
    }

    /** Downloads the image as a client would and checks that it is a PNG that decodes. */
    /** A downloaded result image's format and size. */
    record Picture(String format, int width, int height) {
    }

    /**
     * Downloads a result image and reads its size: a PNG is decoded whole; a WebP (V7 grids
     * are lossless WebP, which ImageIO cannot read) is checked for its RIFF/WEBP/VP8L headers
     * and its size read from the VP8L header.
     */
    static Picture downloadImage(String url) {
        assertThat(url).as("image URL").startsWith("http");
        byte[] bytes;
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(MjApi.WAIT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
            bytes = response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (bytes.length > 25 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")) {
            assertThat(new String(bytes, 8, 8, StandardCharsets.US_ASCII)).as("WebP lossless header of " + url).isEqualTo("WEBPVP8L");
            assertThat(bytes[20]).as("VP8L signature of " + url).isEqualTo((byte) 0x2f);
            int bits = (bytes[21] & 0xff) | (bytes[22] & 0xff) << 8 | (bytes[23] & 0xff) << 16 | (bytes[24] & 0xff) << 24;
            return new Picture("webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
        }
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("PNG signature of " + url).isEqualTo(PNG_SIGNATURE);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("decoded " + url).isNotNull();
            return new Picture("png", image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new AssertionError("not a readable PNG: " + url, e);
        }
    }

    static Picture downloadPng(String url) {
        Picture picture = downloadImage(url);
        assertThat(picture.format()).as(url).isEqualTo("png");
        return picture;
    }

    private static String dataUrl(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
