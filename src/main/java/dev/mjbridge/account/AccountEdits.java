package dev.mjbridge.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The admin API's edits of accounts.yml: each reads the file, refuses when it changed on disk
 * since it was last applied (someone edited it by hand: reload first), edits the text
 * ({@link AccountsFileEditor}, which keeps the operator's comments and layout), checks the result
 * whole ({@link AccountsFile}: nothing is written when it is invalid), writes it atomically and
 * applies it through the same path as a reload. All of it runs under the reloader's lock, so a
 * watcher's check never sees a half-done edit and two edits never interleave.
 */
public final class AccountEdits {

    /** What an edit did. */
    public sealed interface Result {
        /** Written and applied; {@code id} is the account edited. */
        record Done(String id) implements Result {
        }

        /** No account has this id. */
        record NotFound(String id) implements Result {
        }

        /** Nothing written: the reason says why (never a secret). */
        record Refused(String reason) implements Result {
        }
    }

    static final String CHANGED_ON_DISK = "accounts file changed on disk; reload first";

    private final PoolReloader reloader;
    private final AccountPool pool;

    public AccountEdits(PoolReloader reloader, AccountPool pool) {
        this.reloader = reloader;
        this.pool = pool;
    }

    /** Adds an account (the keys of accounts.yml); a taken id is refused by the file check. */
    public Result create(Map<String, Object> account) {
        Object id = account.get("id");
        return edit(id == null ? null : id.toString(), false, yaml -> AccountsFileEditor.add(yaml, account));
    }

    /** Changes some keys of an account; a null value removes the key (its default applies). */
    public Result update(String id, Map<String, Object> changes) {
        return edit(id, true, yaml -> AccountsFileEditor.update(yaml, id, changes));
    }

    public Result delete(String id) {
        return edit(id, true, yaml -> AccountsFileEditor.remove(yaml, id));
    }

    private Result edit(String id, boolean mustExist, UnaryOperator<String> change) {
        Path file = reloader.file().orElse(null);
        if (file == null) {
            return new Result.Refused(PoolReloader.NO_FILE_MESSAGE);
        }
        return reloader.exclusively(() -> {
            String current;
            try {
                current = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return new Result.Refused(file + ": cannot read the accounts file (" + e.getMessage() + ")");
            }
            if (!AtomicFileWrite.checksum(current).equals(reloader.appliedChecksum())) {
                return new Result.Refused(CHANGED_ON_DISK);
            }
            if (mustExist && pool.configs().stream().noneMatch(c -> c.id().equals(id))) {
                return new Result.NotFound(id);
            }
            String next;
            try {
                next = change.apply(current);
                reloader.validate(next);
            } catch (AccountsFileException e) {
                return new Result.Refused(e.getMessage());
            }
            try {
                AtomicFileWrite.write(file, next);
            } catch (IOException e) {
                return new Result.Refused(file + ": cannot write the accounts file (" + e.getMessage() + ")");
            }
            PoolReloader.Outcome outcome = reloader.applyWritten(next);
            if (outcome instanceof PoolReloader.Outcome.Invalid invalid) {
                return new Result.Refused(invalid.reason());
            }
            return new Result.Done(id);
        });
    }
}
