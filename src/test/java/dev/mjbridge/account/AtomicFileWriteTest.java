package dev.mjbridge.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileWriteTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTempFileBehind() throws IOException {
        Path file = dir.resolve("accounts.yml");
        AtomicFileWrite.write(file, "accounts: []\n# über ☃\n");

        assertThat(Files.readString(file)).isEqualTo("accounts: []\n# über ☃\n");
        assertThat(names()).containsExactly("accounts.yml");
        // A new file may hold tokens: it is readable by its owner only.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void replacesAnExistingFileKeepingItsPermissions() throws IOException {
        Path file = dir.resolve("accounts.yml");
        Files.writeString(file, "old content that is longer than the new one\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFileWrite.write(file, "new\n");

        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(names()).containsExactly("accounts.yml");
    }

    @Test
    void aLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("accounts.yml");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("accounts.yml"), real);

        AtomicFileWrite.write(link, "new\n");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
    }

    @Test
    void aFailedWriteLeavesTheFolderAsItWas() throws IOException {
        Path occupied = Files.createDirectory(dir.resolve("accounts.yml"));
        Files.writeString(occupied.resolve("inside"), "x");

        assertThatThrownBy(() -> AtomicFileWrite.write(occupied, "new\n")).isInstanceOf(IOException.class);

        assertThat(names()).containsExactly("accounts.yml");
        assertThatThrownBy(() -> AtomicFileWrite.write(dir.resolve("missing/accounts.yml"), "x"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void checksumIsTheSha256OfTheUtf8Bytes() {
        assertThat(AtomicFileWrite.checksum("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(AtomicFileWrite.checksum("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(AtomicFileWrite.checksum("accounts: []\n")).isEqualTo(AtomicFileWrite.checksum("accounts: []\n"))
                .isNotEqualTo(AtomicFileWrite.checksum("accounts: [] \n"));
        assertThat(AtomicFileWrite.checksum("ü")).isNotEqualTo(AtomicFileWrite.checksum("u"));
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
