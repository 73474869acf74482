package dev.mjbridge.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Files under {@code dir/{taskId}/{file}}.
 * <p>
 * A file is written to a temporary file in the same folder, forced to disk, then renamed over the
 * target in one atomic step: a reader (or a crash) sees the old file or the new one, never a part.
 * <p>
 * The ETag is the SHA-256 of the content, computed while the bytes go to disk (no second read) and
 * kept beside the file in {@code {file}.sha256} with the size and modification time it belongs to.
 * Hashing on every request would read each file twice; a tag made of size and time alone would not
 * be a strong validator. If the note does not match the file (a crash between the two renames, a
 * file copied in by hand), the hash is computed from the file itself, so the tag is never wrong.
 * Neither temporary files ({@code .tmp-...}) nor notes ({@code x.png.sha256}) match the key
 * pattern, so no request can name them.
 */
public final class LocalImageStore implements ImageStore {

    private static final String NOTE_SUFFIX = ".sha256";
    private static final int CHUNK = 64 * 1024;

    private final Path root;
    private final long maxBytes;

    public LocalImageStore(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public Path root() {
        return root;
    }

    @Override
    public ImageInfo put(ImageKey key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Path folder = target.getParent();
        Path temp = createTempIn(folder);
        Path noteTemp = null;
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] chunk = new byte[CHUNK];
                for (int read; (read = content.read(chunk)) >= 0; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw new ImageTooLargeException(key, maxBytes);
                    }
                    sha256.update(chunk, 0, read);
                    ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, read);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                out.force(true);
            }
            Instant modified = Files.getLastModifiedTime(temp).toInstant();
            Note note = new Note(etagOf(sha256.digest()), size, modified.toEpochMilli());
            noteTemp = Files.createTempFile(folder, ".tmp-", ".part");
            writeSynced(noteTemp, note.text());
            // The note first: if we stop between the renames, the note does not match the old
            // file and the tag is computed from the file, never taken from the wrong note.
            moveAtomically(noteTemp, notePathOf(target));
            noteTemp = null;
            moveAtomically(temp, target);
            temp = null;
            syncFolder(folder);
            return new ImageInfo(key, size, key.contentType(), modified.truncatedTo(ChronoUnit.MILLIS), note.etag());
        } finally {
            deleteQuietly(temp);
            deleteQuietly(noteTemp);
        }
    }

    @Override
    public Optional<StoredImage> open(ImageKey key) throws IOException {
        Path path = pathOf(key);
        FileChannel channel;
        try {
            // Links are not followed: the store holds files it wrote, nothing that points elsewhere.
            channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                channel.close();
                return Optional.empty();
            }
            long size = channel.size();
            Instant modified = attributes.lastModifiedTime().toInstant();
            String etag = readNote(path)
                    .filter(note -> note.size() == size && note.modifiedMillis() == modified.toEpochMilli())
                    .map(Note::etag)
                    .orElseGet(() -> hashOf(channel, size));
            ImageInfo info = new ImageInfo(key, size, key.contentType(), modified.truncatedTo(ChronoUnit.MILLIS), etag);
            return Optional.of(new LocalStoredImage(info, channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public boolean exists(ImageKey key) {
        return Files.isRegularFile(pathOf(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean delete(ImageKey key) throws IOException {
        Path path = pathOf(key);
        boolean deleted = Files.deleteIfExists(path);
        Files.deleteIfExists(notePathOf(path));
        deleteIfEmpty(path.getParent());
        return deleted;
    }

    /** A task's folder goes with its last file, so pruning old tasks leaves no empty folders behind. */
    private static void deleteIfEmpty(Path folder) {
        try {
            Files.delete(folder);
        } catch (IOException e) {
            // Not empty (the task has other files, or a write is under way), or already gone: nothing to do.
        }
    }

    /**
     * A temporary file in the task's folder, made if missing. A delete of the task's last file may
     * remove the folder between the two steps; then it is made again (once a temporary file is in
     * it, the folder is not empty and stays).
     */
    private static Path createTempIn(Path folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(folder);
            try {
                return Files.createTempFile(folder, ".tmp-", ".part");
            } catch (NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The key's parts passed strict patterns; the check here guards against a change to them. */
    private Path pathOf(ImageKey key) {
        Path path = root.resolve(key.taskId()).resolve(key.file()).normalize();
        if (!path.getParent().getParent().equals(root)) {
            throw new IllegalStateException("key " + key + " leads outside the store");
        }
        return path;
    }

    private static Path notePathOf(Path file) {
        return file.resolveSibling(file.getFileName() + NOTE_SUFFIX);
    }

    private static Optional<Note> readNote(Path file) {
        try {
            return Note.parse(Files.readString(notePathOf(file), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String hashOf(FileChannel channel, long size) {
        MessageDigest sha256 = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        try {
            for (long position = 0; position < size; ) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                sha256.update(buffer);
                position += read;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return etagOf(sha256.digest());
    }

    private static String etagOf(byte[] digest) {
        return "\"" + HexFormat.of().formatHex(digest) + "\"";
    }

    private static void writeSynced(Path path, String text) throws IOException {
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on file systems without atomic rename at all.
            throw new IOException("the image store's file system cannot rename atomically: " + to.getParent(), e);
        }
    }

    /** Makes the renames themselves durable; file systems that cannot open a folder skip it. */
    private static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows): the rename is still atomic, only its durability waits for the OS.
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A stray temporary file cannot be named by any key; it is only space.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The note kept beside a file: its tag, and the size and time it was computed for. */
    private record Note(String etag, long size, long modifiedMillis) {

        String text() {
            return etag + " " + size + " " + modifiedMillis + "\n";
        }

        static Optional<Note> parse(String text) {
            String[] parts = text.strip().split(" ");
            if (parts.length != 3 || !parts[0].matches("\"[0-9a-f]{64}\"")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Note(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
