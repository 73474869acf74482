package dev.mjbridge.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The accounts of this instance, in the order of accounts.yml. Built from
 * configuration; {@link #start(AccountEventSink)} connects them once the task layer
 * is ready to hear their events. A new account list is applied while the pool serves
 * ({@link #apply}); accounts on their way out stay findable until their running tasks end.
 * <p>
 * With several instances sharing the accounts, each connects only the accounts it holds a lease
 * on ({@link #connectOnly}): the pool still knows the whole list of accounts.yml ({@link #configs()}),
 * but builds and connects only the held part of it. Without a cluster every account is held.
 */
public final class AccountPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountPool.class);

    private List<AccountConfig> configs;
    /**
     * The accounts this instance may connect, asked afresh each time the members are worked out;
     * null = every account of the list (no cluster).
     */
    private Supplier<Set<String>> held;
    /** The configurations of the members: the held part of {@link #configs} last applied. */
    private List<AccountConfig> memberConfigs;
    /** Set by {@link #connectAll}: from then on an account that joins is started at once. */
    private boolean connected;
    /** Applies and refreshes run one at a time: their start and leave steps run outside the pool's lock. */
    private final Object changing = new Object();
    private final AccountConnector connector;
    private final AccountSelector selector;
    private final boolean sandbox;
    private Map<String, Account> accounts = new LinkedHashMap<>();
    /** Removed or replaced accounts whose running tasks have not ended yet. */
    private final List<Account> leaving = new ArrayList<>();
    private AccountEventSink sink;
    private volatile QueuedWorkHandover handover = (account, taskIds, successor) ->
            log.warn("account {} left with {} queued task(s) and nothing to hand them to", account.id(), taskIds.size());


    /** Told after the set of accounts changed (built, edited, one left for good): the meters follow it. */
    private final List<Runnable> onMembersChange = new CopyOnWriteArrayList<>();

    /** Told of each account added by a live edit, before it connects (the task layer restores its pacing). */
    private volatile Consumer<Account> onJoin = account -> { };
    private volatile Consumer<Set<String>> onDropped = ids -> { };

    public AccountPool(List<AccountConfig> configs, AccountConnector connector, AccountSelector selector, boolean sandbox) {
        this.configs = List.copyOf(configs);
        this.memberConfigs = this.configs;
        this.connector = connector;
        this.selector = selector;
        this.sandbox = sandbox;
    }

    /** Builds the accounts and connects them. */
    public void start(AccountEventSink sink) {
        build(sink);
        connectAll();
    }

    /** Builds the accounts without connecting them, so recovered work can be attached first. */
    public void build(AccountEventSink sink) {
        synchronized (this) {
            if (this.sink != null) {
                return;
            }
            this.sink = sink;
            memberConfigs = heldPart(configs);
            for (AccountConfig config : memberConfigs) {
                accounts.put(config.id(), connector.connect(config, sink, sandbox));
            }
        }
        membersChanged();
    }

    public void connectAll() {
        synchronized (changing) {
            all().forEach(this::startIfMember);
            synchronized (this) {
                connected = true;
            }
        }
    }

    /** True when the accounts are simulated by the built-in sandbox. */
    public boolean sandbox() {
        return sandbox;
    }

    public synchronized List<Account> all() {
        return List.copyOf(accounts.values());
    }

    /** An account of the pool, not one on its way out (an operator cannot bring that back). */
    private synchronized Optional<Account> member(String id) {
        return Optional.ofNullable(id == null ? null : accounts.get(id));
    }

    /** The account of this id; one on its way out when none in the pool has the id. */
    public synchronized Optional<Account> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Account member = accounts.get(id);
        return member != null ? Optional.of(member) : leaving.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Frees a task's slot on every account of this id: after a reconnect the task may still run
     * on the replaced account, whose slots must free for it to close.
     */
    public void releaseSlot(String accountId, String taskId) {
        List<Account> holders;
        synchronized (this) {
            holders = new ArrayList<>(leaving.stream().filter(a -> a.id().equals(accountId)).toList());
            Account member = accounts.get(accountId);
            if (member != null) {
                holders.add(member);
            }
        }
        holders.forEach(a -> a.slots().release(taskId));
    }

    /** Who takes the queued tasks of an account that leaves (the task layer sets it). */
    public void handOverQueuedWorkTo(QueuedWorkHandover handover) {
        this.handover = handover;
    }

    /**
     * Runs {@code action} for each account a live edit adds, before it connects. Not for the
     * accounts of start-up, nor for a reconnected account (it takes over its predecessor's pacing).
     */
    public void whenAccountJoins(Consumer<Account> action) {
        this.onJoin = action;
    }

    /**
     * Runs {@code action} with the ids of the accounts {@link #dropNow} stopped, after their sessions
     * stopped: their tasks are another instance's to follow from now on.
     */
    public void whenAccountsDropped(Consumer<Set<String>> action) {
        this.onDropped = action;
    }

    /**
     * Runs {@code action} whenever the accounts change: once built, after each live edit, and when an
     * account on its way out has left. Also at once, so a late observer starts with the pool as it is.
     */
    public void whenMembersChange(Runnable action) {
        onMembersChange.add(action);
        action.run();
    }

    private void membersChanged() {
        onMembersChange.forEach(Runnable::run);
    }

    /** The account list last applied, as accounts.yml gave it. */
    public synchronized List<AccountConfig> configs() {
        return configs;
    }

    /**
     * Applies a new account list as a diff of the last one: new accounts are built and connected,
     * retuned ones take their new settings in place, removed ones take no more work, hand their
     * queued tasks over and close once their running tasks end, and reconnected ones do both:
     * a fresh account under the same id takes over the queue (and today's job count).
     * Before {@link #build}, the list is only remembered for it.
     */
    public PoolChanges apply(List<AccountConfig> next) {
        synchronized (changing) {
            PoolChanges changes;
            synchronized (this) {
                changes = PoolChanges.between(configs, next);
                configs = List.copyOf(next);
            }
            change();
            return changes;
        }
    }

    /**
     * From now on connects only the accounts {@code held} names (the cluster's leases). It is asked
     * whenever the members are worked out (at {@link #build}, on each apply and {@link #refreshHeld}),
     * under the pool's lock, so it must answer from memory at once. Set it before {@link #build}.
     */
    public synchronized void connectOnly(Supplier<Set<String>> held) {
        this.held = held;
    }

    /**
     * Brings the members in line with what is held now: an account gained joins as a live edit adds
     * one, an account no longer held leaves as a removal does (no more work, queue handed over,
     * disconnected once its running tasks end). Before {@link #build} nothing happens.
     *
     * @return what changed in this instance's pool
     */
    public PoolChanges refreshHeld() {
        synchronized (changing) {
            return change();
        }
    }

    /**
     * Stops these accounts' sessions now, running tasks or not: the cluster lost their leases (or is
     * shutting down), so another instance may connect them any moment. They are gone from the pool
     * at once. Their queued tasks are not handed to this pool's other accounts: they stay with their
     * account in the database, and its next owner sends them (sending them here too would run each
     * job twice). Waits for no apply or edit in progress (it takes only the
     * pool's own short lock), so a slow database behind an edit cannot hold a session up; the held
     * supplier must no longer name them, or a later refresh would bring them back.
     */
    public void dropNow(Set<String> ids, String reason) {
        List<Account> dropped = new ArrayList<>();
        synchronized (this) {
            for (String id : ids) {
                Account member = accounts.remove(id);
                if (member != null) {
                    dropped.add(member);
                }
            }
            leaving.stream().filter(a -> ids.contains(a.id())).forEach(dropped::add);
            leaving.removeIf(a -> ids.contains(a.id()));
            memberConfigs = memberConfigs.stream().filter(c -> !ids.contains(c.id())).toList();
        }
        for (Account account : dropped) {
            account.stop();
            account.retire(reason);
            List<String> queued = account.slots().closeAndTakeQueued();
            log.warn("account {}: session stopped at once ({}); {} queued task(s) left to its next owner",
                    account.id(), reason, queued.size());
        }
        if (!dropped.isEmpty()) {
            onDropped.accept(dropped.stream().map(Account::id).collect(java.util.stream.Collectors.toSet()));
            membersChanged();
        }
    }

    /** True while this pool has a session of this id: a member, or one on its way out. */
    public synchronized boolean hasSession(String id) {
        return accounts.containsKey(id) || leaving.stream().anyMatch(a -> a.id().equals(id));
    }

    private synchronized List<AccountConfig> heldPart(List<AccountConfig> list) {
        if (held == null) {
            return list;
        }
        Set<String> only = held.get();
        return list.stream().filter(c -> only.contains(c.id())).toList();
    }

    /** Brings the members in line with the held part of the list; under {@link #changing}. */
    private PoolChanges change() {
        PoolChanges changes;
        List<Account> toStart = new ArrayList<>();
        List<Account> joining = new ArrayList<>();
        List<Runnable> retunes = new ArrayList<>();
        List<Departure> departures = new ArrayList<>();
        boolean startNow;
        synchronized (this) {
            if (sink == null) {
                return PoolChanges.between(List.of(), List.of());
            }
            List<AccountConfig> next = heldPart(configs);
            changes = PoolChanges.between(memberConfigs, next);
            memberConfigs = next;
            startNow = connected;
            Map<String, Account> members = new LinkedHashMap<>();
            for (AccountConfig config : next) {
                members.put(config.id(), accounts.get(config.id()));
            }
            for (AccountConfig config : changes.added()) {
                Account fresh = connector.connect(config, sink, sandbox);
                members.put(config.id(), fresh);
                joining.add(fresh);
                toStart.add(fresh);
            }
            for (AccountConfig config : changes.retuned()) {
                Account account = accounts.get(config.id());
                retunes.add(() -> account.retune(config));
            }
            for (AccountConfig config : changes.reconnect()) {
                Account old = accounts.get(config.id());
                Account fresh = connector.connect(config, sink, sandbox);
                fresh.pacing().takeOver(old.pacing());
                members.put(config.id(), fresh);
                toStart.add(fresh);
                departures.add(new Departure(old, fresh));
            }
            for (String id : changes.removed()) {
                Account gone = accounts.get(id);
                if (gone != null) {
                    departures.add(new Departure(gone, null));
                }
            }
            departures.forEach(d -> leaving.add(d.account()));
            accounts = members;
        }
        joining.forEach(onJoin);
        // Before connectAll the new members wait for it, as the accounts of start-up do.
        for (Account account : startNow ? toStart : List.<Account>of()) {
            startIfMember(account);
        }
        retunes.forEach(Runnable::run);
        departures.forEach(d -> letGo(d.account(), d.successor()));
        membersChanged();
        return changes;
    }

    /**
     * Starts an account unless it left the pool meanwhile: checked and started under the pool's
     * lock, so a {@link #dropNow} either comes first (nothing starts) or stops what started.
     * Starting only schedules the connection, it does not wait for it.
     */
    private synchronized void startIfMember(Account account) {
        if (accounts.get(account.id()) == account) {
            log.info("account {}: starting ({})", account.id(), account.config());
            account.start();
        }
    }

    /** An account leaving the pool, and the fresh one taking its id when it reconnects (else null). */
    private record Departure(Account account, Account successor) {
    }

    /** Takes the account out of selection, hands its queue over, and closes it once its running tasks end. */
    private void letGo(Account account, Account successor) {
        account.retire(successor == null ? "removed from the accounts file: ends its running tasks, then disconnects"
                : "replaced (its connection settings changed): ends its running tasks on the old session");
        List<String> queued = account.slots().closeAndTakeQueued();
        if (!queued.isEmpty()) {
            handover.handOver(account, queued, successor);
        }
        // Not on the thread that freed the last slot: that may be the account's own gateway thread.
        account.slots().idleAfterClose().thenRunAsync(() -> {
            account.stop();
            synchronized (this) {
                leaving.remove(account);
            }
            membersChanged();
            log.info("account {}: left the pool (no running task left)", account.id());
        });
    }

    /** Eligible accounts with room, best first. */
    public List<Account> candidates(AccountSelector.Need need) {
        return selector.rank(all(), need);
    }

    /** Eligible accounts regardless of room: tells "all busy" (23) from "none fits" apart. */
    public List<Account> eligible(AccountSelector.Need need) {
        return selector.eligible(all(), need);
    }

    /** The accounts, then those on their way out (unless a new one has their id), as the API shows them. */
    public List<AccountView> accounts() {
        List<AccountView> views = new ArrayList<>();
        shown().forEach(a -> views.add(a.view()));
        return views;
    }

    /** The accounts the API shows: members, then those on their way out (unless a new one has their id). */
    public synchronized List<Account> shown() {
        List<Account> shown = new ArrayList<>(accounts.values());
        leaving.stream().filter(a -> !accounts.containsKey(a.id())).forEach(shown::add);
        return shown;
    }

    public Optional<AccountView> account(String id) {
        return find(id).map(Account::view);
    }

    /** An operator puts the account back into rotation; empty for an unknown id. */
    public Optional<AccountView> enable(String id) {
        return member(id).map(account -> {
            account.enable();
            return account.view();
        });
    }

    /** An operator closes and reopens the account's session; empty for an unknown id. */
    public Optional<AccountView> reconnect(String id) {
        return member(id).map(account -> {
            account.reconnect();
            return account.view();
        });
    }

    /** An operator takes the account out of rotation; its session stays up so running jobs can end. */
    public Optional<AccountView> disable(String id, String reason) {
        return member(id).map(account -> {
            account.disable(reason, false);
            return account.view();
        });
    }

    @Override
    public void close() {
        List<Account> departing;
        synchronized (this) {
            departing = List.copyOf(leaving);
        }
        all().forEach(Account::stop);
        departing.forEach(Account::stop);
    }
}
