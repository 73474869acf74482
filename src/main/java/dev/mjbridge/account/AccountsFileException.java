package dev.mjbridge.account;

/** accounts.yml cannot be used; the message names the file, the account and the key. */
public final class AccountsFileException extends RuntimeException {

    public AccountsFileException(String message) {
        super(message);
    }

    public AccountsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
