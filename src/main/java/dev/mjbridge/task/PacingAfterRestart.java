package dev.mjbridge.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;

/**
 * At start-up, and for an account a live edit adds, each account's pacing picks up where it was: an account with a daily limit counts
 * again what the task store shows it sent since its day began, and a spaced account's first send
 * waits an interval. Pacing lives in memory, and a restart must not give an account a fresh day's
 * worth of jobs or two sends in a row (pacing protects it from a ban).
 */
final class PacingAfterRestart {

    private static final Logger log = LoggerFactory.getLogger(PacingAfterRestart.class);

    private PacingAfterRestart() {
    }

    static void restore(AccountPool pool, TaskStore store) {
        pool.all().forEach(account -> restore(account, store));
    }

    /**
     * The same for one account, also one added by a live edit: its id may have sent before (it was
     * removed and listed again), and the task store still knows it.
     */
    static void restore(Account account, TaskStore store) {
        account.pacing().restoreSpacingAfterRestart();
        if (!account.config().pacing().limitsDays()) {
            return;
        }
        long sent = store.countSentSince(account.id(), account.pacing().todayStartedAt().toEpochMilli());
        if (sent > 0) {
            account.pacing().restoreToday((int) Math.min(Integer.MAX_VALUE, sent));
            log.info("account {}: {} of its {} jobs today were sent before", account.id(), sent,
                    account.config().pacing().dailyLimit());
        }
    }
}
