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

    /** What a downloaded result image is: its format ({@code png}, {@code webp}) and size. */
    record Picture(String format, int width, int height) {
    }

    /**
     * Downloads a result image as a client would: a PNG that decodes, or (Midjourney's V7 grids
     * and results) a WebP whose header names a size.
     */
    static Picture downloadImage(String url) {
        byte[] bytes = fetch(url);
        if (bytes.length >= 30 && ascii(bytes, 0).equals("RIFF") && ascii(bytes, 8).equals("WEBP")) {
            return webp(url, bytes);
        }
        BufferedImage png = png(url, bytes);
        return new Picture("png", png.getWidth(), png.getHeight());
    }

    /** Downloads the image as a client would and checks that it is a PNG that decodes. */
    static BufferedImage downloadPng(String url) {
        return png(url, fetch(url));
    }

    private static byte[] fetch(String url) {
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
        return bytes;
    }

    private static BufferedImage png(String url, byte[] bytes) {
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("PNG signature of " + url).isEqualTo(PNG_SIGNATURE);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("decoded " + url).isNotNull();
            return image;
        } catch (IOException e) {
            throw new AssertionError("not a readable PNG: " + url, e);
        }
    }

    /** The canvas size from the first chunk of a WebP file (extended, lossless or lossy). */
    private static Picture webp(String url, byte[] b) {
        String chunk = ascii(b, 12);
        int width;
        int height;
        switch (chunk) {
            case "VP8X" -> {
                width = 1 + (u8(b, 24) | u8(b, 25) << 8 | u8(b, 26) << 16);
                height = 1 + (u8(b, 27) | u8(b, 28) << 8 | u8(b, 29) << 16);
            }
            case "VP8L" -> {
                assertThat(u8(b, 20)).as("VP8L signature of " + url).isEqualTo(0x2f);
                int bits = u8(b, 21) | u8(b, 22) << 8 | u8(b, 23) << 16 | u8(b, 24) << 24;
                width = (bits & 0x3fff) + 1;
                height = ((bits >>> 14) & 0x3fff) + 1;
            }
            case "VP8 " -> {
                assertThat(new int[] {u8(b, 23), u8(b, 24), u8(b, 25)}).as("VP8 start code of " + url)
                        .containsExactly(0x9d, 0x01, 0x2a);
                width = (u8(b, 26) | u8(b, 27) << 8) & 0x3fff;
                height = (u8(b, 28) | u8(b, 29) << 8) & 0x3fff;
            }
            default -> throw new AssertionError("not a WebP image I can read (" + chunk + "): " + url);
        }
        assertThat(width).as("width of " + url).isPositive();
        assertThat(height).as("height of " + url).isPositive();
        return new Picture("webp", width, height);
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xff;
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
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
