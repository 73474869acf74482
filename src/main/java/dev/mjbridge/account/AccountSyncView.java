package dev.mjbridge.account;

import dev.mjbridge.midjourney.AccountInfo;

/**
 * What the account list shows of the info/settings sync ({@code info}).
 *
 * @param syncedAt                 when the last sync with every answer ended (epoch ms), null before one
 * @param lastError                why the last sync failed, null when it did not
 * @param fastTimeRemainingSeconds fast time left now: the last {@code /info} figure minus the estimate
 *                                 for the fast jobs finished since
 * @param fastWorkHeld             why the account takes no fast work now (its fast time is below its
 *                                 reserve and relax is not allowed to it), null when it takes it
 * @param mj                       what Midjourney's {@code /info} and {@code /settings} showed
 * @param niji                     the same from Niji, for an account that serves it
 */
public record AccountSyncView(Long syncedAt, String lastError, Long fastTimeRemainingSeconds, String fastWorkHeld,
                              AccountInfo mj, AccountInfo niji) {
}
