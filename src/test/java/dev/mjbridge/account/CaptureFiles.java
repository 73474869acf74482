package dev.mjbridge.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads back what a capture writer wrote, whatever UTC day(s) the test ran on. */
final class CaptureFiles {

    private CaptureFiles() {
    }

    /** The lines of every {@code mj-capture-*.jsonl} in {@code dir}, oldest day first. */
    static String allLines(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("mj-capture-.*\\.jsonl"))
                    .sorted().toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
