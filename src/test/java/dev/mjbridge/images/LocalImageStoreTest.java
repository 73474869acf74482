package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalImageStoreTest {

    private static final ImageKey KEY = new ImageKey("1732800000000001", "0_0.png");

    @TempDir
    Path dir;

    private LocalImageStore store() {
        return new LocalImageStore(dir.resolve("images"), 1024);
    }

    @Test
    void aStoredFileIsReadBackWithItsDescription() throws Exception {
        LocalImageStore store = store();
        byte[] content = "not really a png".getBytes(StandardCharsets.US_ASCII);

        ImageInfo written = store.put(KEY, new ByteArrayInputStream(content));

        assertThat(Files.readAllBytes(dir.resolve("images/1732800000000001/0_0.png"))).isEqualTo(content);
        assertThat(written.size()).isEqualTo(content.length);
        assertThat(written.contentType()).isEqualTo("image/png");
        assertThat(written.etag()).isEqualTo("\"" + sha256Hex(content) + "\"");
        assertThat(store.exists(KEY)).isTrue();
        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info()).isEqualTo(written);
            assertThat(read(image, 0, content.length)).isEqualTo(content);
            assertThat(read(image, 4, 6)).isEqualTo("really".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void anUnknownKeyIsEmptyAndNotThere() throws Exception {
        assertThat(store().open(KEY)).isEmpty();
        assertThat(store().exists(KEY)).isFalse();
        assertThat(store().delete(KEY)).isFalse();
    }

    @Test
    void aSecondPutReplacesTheFileAndItsTag() throws Exception {
        LocalImageStore store = store();
        store.put(KEY, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        ImageInfo second = store.put(KEY, new ByteArrayInputStream(new byte[] {4, 5}));

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info().etag()).isEqualTo(second.etag()).isEqualTo("\"" + sha256Hex(new byte[] {4, 5}) + "\"");
            assertThat(read(image, 0, 2)).containsExactly(4, 5);
        }
        assertThat(visibleFiles()).containsExactly("0_0.png", "0_0.png.sha256");
    }

    @Test
    void aBrokenStreamLeavesNoFileBehind() throws Exception {
        LocalImageStore store = store();
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
        assertThat(visibleFiles()).isEmpty();
    }

    @Test
    void aBrokenReplacementKeepsTheOldFileWhole() throws Exception {
        LocalImageStore store = store();
        ImageInfo old = store.put(KEY, new ByteArrayInputStream(new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> store.put(KEY, new ByteArrayInputStream(new byte[2000])))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("1024 bytes");

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info()).isEqualTo(old);
            assertThat(read(image, 0, 3)).containsExactly(1, 2, 3);
        }
        assertThat(visibleFiles()).containsExactly("0_0.png", "0_0.png.sha256");
    }

    @Test
    void aFileWithoutAMatchingNoteGetsItsTagFromTheContent() throws Exception {
        LocalImageStore store = store();
        store.put(KEY, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        Path file = dir.resolve("images/1732800000000001/0_0.png");
        // Copied in by hand, or a crash between the two renames: the note describes other bytes.
        Files.write(file, new byte[] {9, 9, 9, 9});

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info().etag()).isEqualTo("\"" + sha256Hex(new byte[] {9, 9, 9, 9}) + "\"");
            assertThat(image.info().size()).isEqualTo(4);
        }
        Files.delete(file.resolveSibling("0_0.png.sha256"));
        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(image.info().etag()).isEqualTo("\"" + sha256Hex(new byte[] {9, 9, 9, 9}) + "\"");
        }
    }

    @Test
    void deleteRemovesTheFileAndItsNote() throws Exception {
        LocalImageStore store = store();
        store.put(KEY, new ByteArrayInputStream(new byte[] {1}));

        assertThat(store.delete(KEY)).isTrue();

        assertThat(store.exists(KEY)).isFalse();
        assertThat(visibleFiles()).isEmpty();
    }

    @Test
    void theTaskFolderGoesWithItsLastFile() throws Exception {
        LocalImageStore store = store();
        ImageKey second = new ImageKey(KEY.taskId(), "0_1.png");
        store.put(KEY, new ByteArrayInputStream(new byte[] {1}));
        store.put(second, new ByteArrayInputStream(new byte[] {2}));
        Path folder = dir.resolve("images/" + KEY.taskId());

        store.delete(KEY);
        assertThat(folder).isDirectory();
        store.delete(second);
        assertThat(folder).doesNotExist();

        store.put(KEY, new ByteArrayInputStream(new byte[] {3}));
        assertThat(store.exists(KEY)).isTrue();
    }

    @Test
    void aSymbolicLinkInTheStoreIsNotFollowed() throws Exception {
        LocalImageStore store = store();
        Path secret = Files.writeString(dir.resolve("secret.png"), "outside the store");
        Path folder = Files.createDirectories(dir.resolve("images/1732800000000001"));
        Files.createSymbolicLink(folder.resolve("0_0.png"), secret);

        assertThatThrownBy(() -> store.open(KEY)).isInstanceOf(IOException.class);
        assertThat(store.exists(KEY)).isFalse();
    }

    /** Reads go a chunk at a time: ranges across chunk boundaries come back exact. */
    @Test
    void aFileLargerThanOneChunkIsReadInPieces() throws Exception {
        LocalImageStore store = new LocalImageStore(dir.resolve("large"), 1 << 20);
        byte[] content = new byte[200_000];
        new java.util.Random(7).nextBytes(content);
        store.put(KEY, new ByteArrayInputStream(content));

        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(read(image, 0, content.length)).isEqualTo(content);
            assertThat(read(image, 65_530, 70_000)).isEqualTo(java.util.Arrays.copyOfRange(content, 65_530, 135_530));
            assertThat(image.stream().readAllBytes()).isEqualTo(content);
            assertThatThrownBy(() -> read(image, 199_999, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptyFileIsStoredToo() throws Exception {
        LocalImageStore store = store();
        ImageInfo info = store.put(KEY, new ByteArrayInputStream(new byte[0]));
        assertThat(info.size()).isZero();
        try (StoredImage image = store.open(KEY).orElseThrow()) {
            assertThat(read(image, 0, 0)).isEmpty();
        }
    }

    private List<String> visibleFiles() throws IOException {
        Path images = dir.resolve("images");
        if (!Files.exists(images)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(images)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] read(StoredImage image, long offset, long length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.copyTo(out, offset, length);
        return out.toByteArray();
    }

    private static String sha256Hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
