package dev.mjbridge.account;

/**
 * What the info/settings sync keeps for an account (accounts.yml keys {@code remix} and
 * {@code fastTimeReserveMinutes}; docs/accounts.md, "Info and settings sync").
 *
 * @param remix                  remix as it must be in Midjourney's settings; null = as it is
 * @param fastTimeReserveMinutes fast time the account keeps: below it, it takes no fast work; 0 = off
 */
public record SyncRules(Boolean remix, int fastTimeReserveMinutes) {

    public static final SyncRules NONE = new SyncRules(null, 0);

    public long fastTimeReserveSeconds() {
        return fastTimeReserveMinutes * 60L;
    }
}
