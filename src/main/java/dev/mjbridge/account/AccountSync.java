package dev.mjbridge.account;

import dev.mjbridge.midjourney.AccountInfo;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.MjEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * One account's side of the info/settings sync ({@link AccountSyncer} runs it): its own commands
 * in flight, what Midjourney last said, and its fast time. Every gateway event of the account
 * passes {@link #claims} before the task layer sees it: answers to the account's own commands
 * stop here, and finished fast jobs are counted against the fast time.
 */
public final class AccountSync {

    /** Result messages already counted, so an edit of a result is not counted again. */
    private static final int REMEMBERED_RESULTS = 256;

    private final Clock clock;
    private final PendingCommands pending;
    private final FastTimeEstimate fastTime = new FastTimeEstimate();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicBoolean fastTimeChanged = new AtomicBoolean();
    private final Set<String> counted = new LinkedHashSet<>();
    private final Map<BotType, AccountInfo> bots = new EnumMap<>(BotType.class);
    private volatile Instant syncedAt;
    private volatile String lastError;
    private volatile String fastWorkHeld;
    /** The sync running now, joined by whoever asks for one meanwhile. */
    volatile CompletableFuture<String> running;
    /** The session whose start was last synced, and when the next interval sync is due. */
    volatile long syncedSession;
    volatile Instant nextSyncAt;

    public AccountSync() {
        this(Clock.systemUTC());
    }

    AccountSync(Clock clock) {
        this.clock = clock;
        this.pending = new PendingCommands(clock);
    }

    /**
     * Whether the event answers one of the account's own commands (it then goes no further).
     * A finished fast or turbo job of the account is counted against its fast time.
     */
    public boolean claims(Account account, MjEvent event) {
        if (pending.claim(event)) {
            return true;
        }
        if (event instanceof MjEvent.JobFinished finished) {
            count(account, finished);
        }
        return false;
    }

    /** A new gateway session was identified: it is synced soon. */
    public void sessionStarted() {
        sessions.incrementAndGet();
    }

    long session() {
        return sessions.get();
    }

    PendingCommands pending() {
        return pending;
    }

    /** Whether the account takes no fast or turbo work now (its fast time is below its reserve). */
    public boolean fastWorkHeld() {
        return fastWorkHeld != null;
    }

    String fastWorkHeldReason() {
        return fastWorkHeld;
    }

    void holdFastWork(String reason) {
        fastWorkHeld = reason;
    }

    void releaseFastWork() {
        fastWorkHeld = null;
    }

    FastTimeEstimate fastTime() {
        return fastTime;
    }

    /** True once after the estimate went down: the syncer checks the reserve then. */
    boolean takeFastTimeChanged() {
        return fastTimeChanged.getAndSet(false);
    }

    synchronized AccountInfo info(BotType bot) {
        return bots.getOrDefault(bot, AccountInfo.NONE);
    }

    synchronized void update(BotType bot, UnaryOperator<AccountInfo> change) {
        bots.put(bot, change.apply(bots.getOrDefault(bot, AccountInfo.NONE)));
    }

    void finished(String error) {
        lastError = error;
        if (error == null) {
            syncedAt = clock.instant();
        }
    }

    /** Null until the first sync ended. */
    public synchronized AccountSyncView view() {
        Instant at = syncedAt;
        if (at == null && lastError == null && bots.isEmpty()) {
            return null;
        }
        return new AccountSyncView(at == null ? null : at.toEpochMilli(), lastError, fastTime.remainingSeconds(),
                fastWorkHeld, bots.get(BotType.MID_JOURNEY), bots.get(BotType.NIJI_JOURNEY));
    }

    private void count(Account account, MjEvent.JobFinished finished) {
        SpeedMode mode = modeOf(finished.mode(), account.config().mode());
        if (mode == SpeedMode.RELAX || !ownResult(account, finished)) {
            return;
        }
        synchronized (counted) {
            String key = finished.correlation().messageId();
            if (key != null && !counted.add(key)) {
                return;
            }
            if (counted.size() > REMEMBERED_RESULTS) {
                counted.remove(counted.iterator().next());
            }
        }
        fastTime.jobFinished(finished.resultKind(), finished.resultLabel().startsWith("Upscaled"),
                mode == SpeedMode.TURBO);
        fastTimeChanged.set(true);
    }

    /** A result for this account's user, or (when the message names none) in its channel. */
    private static boolean ownResult(Account account, MjEvent.JobFinished finished) {
        String mentioned = finished.correlation().mentionedUserId();
        String user = account.userId().orElse(null);
        if (mentioned != null && user != null) {
            return mentioned.equals(user);
        }
        return account.config().channelId().equals(finished.correlation().channelId());
    }

    /** The speed of a result's {@code (fast)}, {@code (relaxed)}, {@code (turbo, stealth)}; the account's when none. */
    static SpeedMode modeOf(String shown, SpeedMode fallback) {
        if (shown == null) {
            return fallback;
        }
        String text = shown.toLowerCase(Locale.ROOT);
        if (text.contains("turbo")) {
            return SpeedMode.TURBO;
        }
        if (text.contains("relax")) {
            return SpeedMode.RELAX;
        }
        return text.contains("fast") ? SpeedMode.FAST : fallback;
    }
}
