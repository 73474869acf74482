package dev.mjbridge.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts of this instance, in the order of accounts.yml. Built from
 * configuration; {@link #start(AccountEventSink)} connects them once the task layer
 * is ready to hear their events.
 */
public final class AccountPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountPool.class);

    private final List<AccountConfig> configs;
    private final AccountConnector connector;
    private final AccountSelector selector;
    private final boolean sandbox;
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    public AccountPool(List<AccountConfig> configs, AccountConnector connector, AccountSelector selector, boolean sandbox) {
        this.configs = List.copyOf(configs);
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
    public synchronized void build(AccountEventSink sink) {
        if (!accounts.isEmpty()) {
            return;
        }
        for (AccountConfig config : configs) {
            accounts.put(config.id(), connector.connect(config, sink, sandbox));
        }
    }

    public void connectAll() {
        for (Account account : all()) {
            log.info("account {}: starting ({})", account.id(), account.config());
            account.start();
        }
    }

    /** True when the accounts are simulated by the built-in sandbox. */
    public boolean sandbox() {
        return sandbox;
    }

    public synchronized List<Account> all() {
        return List.copyOf(accounts.values());
    }

    public synchronized Optional<Account> find(String id) {
        return Optional.ofNullable(id == null ? null : accounts.get(id));
    }

    /** Eligible accounts with room, best first. */
    public List<Account> candidates(AccountSelector.Need need) {
        return selector.rank(all(), need);
    }

    /** Eligible accounts regardless of room: tells "all busy" (23) from "none fits" apart. */
    public List<Account> eligible(AccountSelector.Need need) {
        return selector.eligible(all(), need);
    }

    public List<AccountView> accounts() {
        List<AccountView> views = new ArrayList<>();
        all().forEach(a -> views.add(a.view()));
        return views;
    }

    public Optional<AccountView> account(String id) {
        return find(id).map(Account::view);
    }

    /** An operator puts the account back into rotation; empty for an unknown id. */
    public Optional<AccountView> enable(String id) {
        return find(id).map(account -> {
            account.enable();
            return account.view();
        });
    }

    /** An operator takes the account out of rotation; its session stays up so running jobs can end. */
    public Optional<AccountView> disable(String id, String reason) {
        return find(id).map(account -> {
            account.disable(reason, false);
            return account.view();
        });
    }

    @Override
    public void close() {
        all().forEach(Account::stop);
    }
}
