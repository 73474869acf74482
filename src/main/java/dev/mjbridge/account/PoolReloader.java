package dev.mjbridge.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Applies accounts.yml to the running pool. The file is parsed whole first: an invalid file
 * changes nothing (the pool keeps serving as before), and its error, worded by
 * {@link AccountsFile} (file, account, key, reason; never a secret), is logged once and kept
 * for the status endpoint until a valid file is applied. Checks, reloads and edits of the file
 * run one at a time ({@link #exclusively}).
 */
public final class PoolReloader {

    private static final Logger log = LoggerFactory.getLogger(PoolReloader.class);
    public static final String NO_FILE_MESSAGE = "no accounts file is configured (the accounts are the built-in sandbox's)";

    /** What a reload did. */
    public sealed interface Outcome {
        /** The file was valid and its accounts are now the pool's. */
        record Applied(PoolChanges changes) implements Outcome {
        }

        /** The file could not be used; nothing changed. */
        record Invalid(String reason) implements Outcome {
        }

        /** The accounts do not come from a file (sandbox mode). */
        record NoFile() implements Outcome {
        }
    }

    /**
     * @param file           the accounts file, null in sandbox mode
     * @param lastCheckAt    epoch ms of the last look at the file (watch, poll or reload), null before any
     * @param lastAppliedAt  epoch ms when the pool last took the file's accounts (at start-up included)
     * @param appliedChecksum SHA-256 of the text last applied
     * @param lastError      why the file on disk is not applied, null when it is
     */
    public record Status(String file, Long lastCheckAt, Long lastAppliedAt, String appliedChecksum, String lastError) {
    }

    private final Path file;
    private final AccountsFile parser;
    private final AccountPool pool;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Instant lastCheck;
    private volatile Instant lastApplied;
    private volatile String appliedChecksum;
    private volatile String lastError;
    /** The text last looked at, applied or not: an unchanged file is not parsed again. */
    private String seenChecksum;

    /**
     * @param file            null when the accounts do not come from a file
     * @param appliedChecksum the checksum of the text the pool was built from
     */
    public PoolReloader(Path file, String appliedChecksum, AccountsFile parser, AccountPool pool, Clock clock) {
        this.file = file;
        this.parser = parser;
        this.pool = pool;
        this.clock = clock;
        this.appliedChecksum = appliedChecksum;
        this.seenChecksum = appliedChecksum;
        this.lastApplied = file == null ? null : clock.instant();
    }

    public static PoolReloader of(AccountSetup setup, AccountsFile parser, AccountPool pool) {
        return new PoolReloader(setup.file(), setup.checksum(), parser, pool, Clock.systemUTC());
    }

    /** The accounts file, empty in sandbox mode. */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }

    /** Reads the file now and applies it, changed or not (the reload endpoint). */
    public Outcome reload() {
        if (file == null) {
            return new Outcome.NoFile();
        }
        return exclusively(() -> readAndApply(true));
    }

    /**
     * Reads the file and applies it when its text changed since it was last looked at (the
     * watcher and the periodic poll). Never throws: a problem is kept in the status.
     */
    public void check() {
        if (file == null) {
            return;
        }
        try {
            exclusively(() -> readAndApply(false));
        } catch (RuntimeException e) {
            log.error("accounts file {}: the check failed", file, e);
        }
    }

    /** Checks a text as the accounts file would be read; throws {@link AccountsFileException} naming the fault. */
    public List<AccountConfig> validate(String text) {
        return parser.parse(file == null ? "accounts file" : file.toString(), text);
    }

    /**
     * Applies a text just written as the accounts file (an admin edit, under {@link #exclusively}):
     * the same path as a reload, so the watcher then finds the file unchanged.
     */
    public Outcome applyWritten(String text) {
        if (file == null) {
            return new Outcome.NoFile();
        }
        return exclusively(() -> {
            lastCheck = clock.instant();
            return parseAndApply(text, checksum(text), true);
        });
    }

    /** The checksum of the text the pool runs on. */
    public String appliedChecksum() {
        return appliedChecksum;
    }

    /** Runs {@code work} while no check, reload or other edit of the accounts file runs. */
    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public Status status() {
        return new Status(file == null ? null : file.toAbsolutePath().toString(), millis(lastCheck), millis(lastApplied),
                appliedChecksum, lastError);
    }

    private Outcome readAndApply(boolean evenIfUnchanged) {
        lastCheck = clock.instant();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return refuse(file + ": the accounts file is missing", null);
        } catch (IOException e) {
            return refuse(file + ": cannot read the accounts file (" + e.getMessage() + ")", null);
        }
        String checksum = checksum(text);
        if (!evenIfUnchanged && checksum.equals(seenChecksum)) {
            return null;
        }
        return parseAndApply(text, checksum, evenIfUnchanged);
    }

    private Outcome parseAndApply(String text, String checksum, boolean asked) {
        seenChecksum = checksum;
        List<AccountConfig> accounts;
        try {
            accounts = parser.parse(file.toString(), text);
        } catch (AccountsFileException e) {
            return refuse(e.getMessage(), checksum);
        }
        PoolChanges changes = pool.apply(accounts);
        appliedChecksum = checksum;
        lastApplied = clock.instant();
        if (lastError != null) {
            log.info("accounts file {}: valid again", file);
        }
        lastError = null;
        if (!changes.isEmpty() || asked) {
            PoolChanges.Summary s = changes.summary();
            log.info("accounts file {} applied: added {}, removed {}, changed {}, unchanged {}", file, s.added(),
                    s.removed(), s.changed(), s.unchanged().size());
        }
        return new Outcome.Applied(changes);
    }

    private Outcome refuse(String reason, String checksum) {
        if (checksum != null) {
            seenChecksum = checksum;
        }
        if (!reason.equals(lastError)) {
            log.warn("accounts file not applied, the pool keeps its accounts: {}", reason);
        }
        lastError = reason;
        return new Outcome.Invalid(reason);
    }

    /** SHA-256 of the text's UTF-8 bytes, in hex: the file's version. */
    static String checksum(String text) {
        return AtomicFileWrite.checksum(text);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
