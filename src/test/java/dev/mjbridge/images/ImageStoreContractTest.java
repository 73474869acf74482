package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageStore} must do, whatever keeps the files. Subclasses hand out stores of
 * their kind and say what such a store physically holds, so that "nothing left behind" is checked
 * in the folder or bucket itself rather than only through the store's own eyes.
 */
abstract class ImageStoreContractTest {

    protected static final ImageKey KEY = new ImageKey("1732800000000001", "0_0.png");
    /** The limit most tests run with; small, so a refused file is cheap to make. */
    protected static final long MAX_BYTES = 1024;

    /** A store taking files of up to {@code maxBytes}; every store one test asks for keeps its files in the same place. */
    protected abstract ImageStore store(long maxBytes);

    /**
     * What the stores of this test physically hold, sorted, seen the way another program sees
     * them: every file under the store's folder, every object under the test's bucket prefix.
     */
    protected abstract List<String> leftovers() throws IOException;

    /** What one file stored under {@code key} takes up, sorted, in {@link #leftovers()}'s terms. */
    protected abstract List<String> holdingOf(ImageKey key);

    /** The bytes held for {@code key}, read past the store the way another program would. */
    protected abstract byte[] heldBytes(ImageKey key) throws IOException;

    @Test
    void aStoredFileIsReadBackWithItsDescription() throws Exception {
        ImageStore store = store(MAX_BYTES);
        byte[] content = "not really a png".getBytes(StandardCharsets.US_ASCII);

        ImageInfo written = store.put(KEY, new ByteArrayInputStream(content));

        assertThat(leftovers()).isEqualTo(holdingOf(KEY));
        assertThat(heldBytes(KEY)).isEqualTo(content);
        assertThat(written.size()).isEqualTo(content.length);
        assertThat(written.contentType()).isEqualTo("image/png");
        // Every store tags the same bytes alike, so a client's cached copy stays valid across stores.
        assertThat(written.etag()).isEqualTo("\"" + sha256Hex(content) + "\"");
        assertThat(written.lastModified()).isNotNull();
        assertThat(store.exists(KEY)).isTrue();
        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info()).isEqualTo(written);
            assertThat(read(image, 0, content.length)).isEqualTo(content);
            assertThat(read(image, 4, 6)).isEqualTo("really".getBytes(StandardCharsets.US_ASCII));
            assertThat(image.stream().readAllBytes()).isEqualTo(content);
            assertThatThrownBy(() -> read(image, 10, 7)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anUnknownKeyIsEmptyAndNotThere() throws Exception {
        ImageStore store = store(MAX_BYTES);

        assertThat(store.open(KEY)).isEmpty();
        assertThat(store.exists(KEY)).isFalse();
        assertThat(store.delete(KEY)).isFalse();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aSecondPutReplacesTheFileAndItsTag() throws Exception {
        ImageStore store = store(MAX_BYTES);
        store.put(KEY, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        ImageInfo second = store.put(KEY, new ByteArrayInputStream(new byte[] {4, 5}));

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info().etag()).isEqualTo(second.etag()).isEqualTo("\"" + sha256Hex(new byte[] {4, 5}) + "\"");
            assertThat(read(image, 0, 2)).containsExactly(4, 5);
        }
        assertThat(leftovers()).isEqualTo(holdingOf(KEY));
        assertThat(heldBytes(KEY)).containsExactly(4, 5);
    }

    @Test
    void aBrokenStreamLeavesNothingBehind() throws Exception {
        ImageStore store = store(MAX_BYTES);
        InputStream breaksHalfway = new InputStream() {
            private int left = 100;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> store.put(KEY, breaksHalfway)).hasMessage("connection reset");

        assertThat(store.exists(KEY)).isFalse();
        assertThat(store.open(KEY)).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void tooLargeContentLeavesNothingBehind() throws Exception {
        ImageStore store = store(MAX_BYTES);

        assertThatThrownBy(() -> store.put(KEY, new ByteArrayInputStream(new byte[2000])))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("1024 bytes");

        assertThat(store.exists(KEY)).isFalse();
        assertThat(store.open(KEY)).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTooLargeReplacementKeepsTheOldFileWhole() throws Exception {
        ImageStore store = store(MAX_BYTES);
        ImageInfo old = store.put(KEY, new ByteArrayInputStream(new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> store.put(KEY, new ByteArrayInputStream(new byte[2000])))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("1024 bytes");

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info()).isEqualTo(old);
            assertThat(read(image, 0, 3)).containsExactly(1, 2, 3);
        }
        assertThat(leftovers()).isEqualTo(holdingOf(KEY));
        assertThat(heldBytes(KEY)).containsExactly(1, 2, 3);
    }

    @Test
    void deleteLeavesNothingBehind() throws Exception {
        ImageStore store = store(MAX_BYTES);
        store.put(KEY, new ByteArrayInputStream(new byte[] {1}));

        assertThat(store.delete(KEY)).isTrue();

        assertThat(store.exists(KEY)).isFalse();
        assertThat(store.open(KEY)).isEmpty();
        assertThat(leftovers()).isEmpty();
        assertThat(store.delete(KEY)).isFalse();
    }

    /** Reads go a chunk at a time: ranges across chunk boundaries come back exact. */
    @Test
    void aFileLargerThanOneChunkIsReadInPieces() throws Exception {
        ImageStore store = store(1 << 20);
        byte[] content = new byte[200_000];
        new Random(7).nextBytes(content);
        store.put(KEY, new ByteArrayInputStream(content));

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(read(image, 0, content.length)).isEqualTo(content);
            assertThat(read(image, 65_530, 70_000)).isEqualTo(Arrays.copyOfRange(content, 65_530, 135_530));
            assertThat(read(image, 199_999, 1)).containsExactly(content[199_999]);
            assertThat(image.stream().readAllBytes()).isEqualTo(content);
            assertThatThrownBy(() -> read(image, 199_999, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptyFileIsStoredToo() throws Exception {
        ImageStore store = store(MAX_BYTES);

        ImageInfo info = store.put(KEY, new ByteArrayInputStream(new byte[0]));

        assertThat(info.size()).isZero();
        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(read(image, 0, 0)).isEmpty();
        }
        assertThat(leftovers()).isEqualTo(holdingOf(KEY));
    }

    protected static byte[] read(StoredImage image, long offset, long length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.copyTo(out, offset, length);
        return out.toByteArray();
    }

    protected static String sha256Hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
