package dev.mjbridge.account;

import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.ParseOutcome;
import tools.jackson.databind.JsonNode;

/**
 * The one way an account's dispatches reach the task layer, whichever stream heard them (the
 * user session, and the bot listener when the account has one): a copy already applied is
 * dropped ({@link RecentDispatches}), the rest is captured when capturing is on, parsed by the
 * {@link MessageParser} and handed to the {@link AccountEventSink}, unless it answers one of the
 * account's own commands ({@link AccountSync}). The two streams call in
 * on their own threads; one lock per account makes "seen" mean "applied", so the second copy of
 * a message never overtakes the first, and each stream's order is kept.
 */
final class AccountDispatches {

    private final Account account;
    private final MessageParser parser;
    private final AccountEventSink sink;
    private final AccountObservers observers;
    private final AccountSync sync;
    private final RecentDispatches recent = new RecentDispatches();
    private final Object lock = new Object();

    AccountDispatches(Account account, MessageParser parser, AccountEventSink sink, AccountObservers observers,
                      AccountSync sync) {
        this.sync = sync;
        this.account = account;
        this.parser = parser;
        this.sink = sink;
        this.observers = observers;
    }

    void onDispatch(String type, JsonNode data) {
        synchronized (lock) {
            if (!recent.firstSighting(type, data)) {
                return;
            }
            observers.capture(account.id(), account.config().channelId(), type, data);
            ParseOutcome outcome = parser.explain(type, data);
            if (outcome instanceof ParseOutcome.Placed placed) {
                // Answers to the account's own commands (/info, /settings) are no task's business.
                if (!sync.claims(account, placed.placed())) {
                    sink.onEvent(account, placed.placed());
                }
            } else if (outcome instanceof ParseOutcome.Unplaced unplaced) {
                // Never silently: a new Midjourney format shows in the log (once per shape) and in the counts.
                observers.unplaced().record(account.id(), unplaced);
            }
        }
    }
}
