package dev.mjbridge.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;

/**
 * At start-up, each account's pacing picks up where it was: an account with a daily limit counts
 * again what the task store shows it sent since its day began, and a spaced account's first send
 * waits an interval. Pacing lives in memory, and a restart must not give an account a fresh day's
 * worth of jobs or two sends in a row (pacing protects it from a ban).
 */
final class PacingAfterRestart {

    private static final Logger log = LoggerFactory.getLogger(PacingAfterRestart.class);

    private PacingAfterRestart() {
    }

    static void restore(AccountPool pool, TaskStore store) {
        for (Account account : pool.all()) {
            account.pacing().restoreSpacingAfterRestart();
            if (!account.config().pacing().limitsDays()) {
                continue;
            }
            long sent = store.countSentSince(account.id(), account.pacing().todayStartedAt().toEpochMilli());
            if (sent > 0) {
                account.pacing().restoreToday((int) Math.min(Integer.MAX_VALUE, sent));
                log.info("account {}: {} of its {} jobs today were sent before the restart", account.id(), sent,
                        account.config().pacing().dailyLimit());
            }
        }
    }
}
