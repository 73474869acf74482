package dev.mjbridge.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store in a folder: the shared contract, then what only files on a disk can go through. */
class LocalImageStoreTest extends ImageStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected LocalImageStore store(long maxBytes) {
        return new LocalImageStore(root(), maxBytes);
    }

    private LocalImageStore store() {
        return store(MAX_BYTES);
    }

    private Path root() {
        return dir.resolve("images");
    }

    /** Every file under the store's folder, as a path inside it; the tag notes count too. */
    @Override
    protected List<String> leftovers() throws IOException {
        if (!Files.exists(root())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile).map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** The file itself and the note keeping its SHA-256, so opening it need not read it whole. */
    @Override
    protected List<String> holdingOf(ImageKey key) {
        return List.of(key.taskId() + "/" + key.file(), key.taskId() + "/" + key.file() + ".sha256");
    }

    @Override
    protected byte[] heldBytes(ImageKey key) throws IOException {
        return Files.readAllBytes(root().resolve(key.taskId()).resolve(key.file()));
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
}
