package dev.mjbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders for tests that need one before JUnit's {@code @TempDir} exists (a static field that a
 * {@code @DynamicPropertySource} hands to the application, such as {@code mj.images.dir}).
 */
public final class TempDirs {

    private TempDirs() {
    }

    /** A new empty folder under the system's temporary folder. */
    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
