package dev.mjbridge.account;

import java.util.Locale;
import java.util.Set;

/**
 * Keeps an account off fast work while its fast time is below its {@code fastTimeReserveMinutes}:
 * with relax allowed it switches to relax the way {@code Credits exhausted} does
 * ({@link Account#switchToRelax} and {@code /relax}); without, it is held back from fast and turbo
 * work (the selector passes it over) and shown {@code DEGRADED}. Only a sync brings fast back, when
 * {@code /info} shows more than the reserve again; an estimate between syncs only ever lowers it.
 */
final class FastTimeGuard {

    private final JobSender sender;

    FastTimeGuard(JobSender sender) {
        this.sender = sender;
    }

    /** @param atSync whether {@code /info} just showed the fast time (only then may fast come back) */
    void check(Account account, boolean atSync) {
        AccountSync sync = account.sync();
        // The timer's check after a finished job and a sync's check must not both switch the account.
        synchronized (sync) {
            checkLocked(account, sync, atSync);
        }
    }

    private void checkLocked(Account account, AccountSync sync, boolean atSync) {
        Long remaining = sync.fastTime().remainingSeconds();
        if (remaining == null) {
            return;
        }
        long reserve = account.config().sync().fastTimeReserveSeconds();
        if (reserve > 0 && remaining < reserve) {
            hold(account, remaining, reserve);
        } else if (atSync && remaining > reserve && account.restoreFast(sync.fastWorkHeldReason())) {
            sync.releaseFastWork();
        }
    }

    private void hold(Account account, long remaining, long reserve) {
        AccountSync sync = account.sync();
        if (sync.fastWorkHeld()) {
            if (account.health().state() == AccountState.READY) {
                account.degrade(sync.fastWorkHeldReason()); // a new session made it READY again
            }
            return;
        }
        if (account.config().allowModes().equals(Set.of(SpeedMode.RELAX))) {
            return; // relax only already
        }
        String below = "fast time " + minutes(remaining) + " is below its reserve of " + minutes(reserve);
        if (account.config().allows(SpeedMode.RELAX)) {
            account.switchToRelax(below + "; jobs run in relax mode until a sync shows more");
            sender.switchEveryBot(account, SpeedMode.RELAX);
        } else {
            String reason = below + "; relax is not allowed to it, so it takes no fast work until a sync shows more";
            sync.holdFastWork(reason);
            account.degrade(reason);
        }
    }

    private static String minutes(long seconds) {
        return String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
    }
}
