package dev.mjbridge.config;

/**
 * A setting that cannot be used as given. Thrown while the settings are bound, so start-up
 * stops with the key and the reason instead of running on a value the operator did not ask for.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    public InvalidSettingException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
    }

    /** The setting's key as written in application.yml, e.g. {@code mj.notify.timeout}. */
    public String key() {
        return key;
    }
}
