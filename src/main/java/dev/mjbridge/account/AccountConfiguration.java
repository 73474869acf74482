package dev.mjbridge.account;

import dev.mjbridge.config.MjProperties;
import dev.mjbridge.discord.Backoff;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.HttpClients;
import dev.mjbridge.discord.RestRetryPolicy;
import dev.mjbridge.discord.TransportMeters;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.UnplacedMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Wires the account pool: which accounts, which Discord, and how they connect. */
@Configuration(proxyBeanMethods = false)
public class AccountConfiguration {

    @Bean(destroyMethod = "close")
    AccountSetup accountSetup(MjProperties properties) {
        return new AccountSetupLoader(properties, System.getenv()).load();
    }

    @Bean
    DiscordEndpoints discordEndpoints(AccountSetup setup) {
        return setup.endpoints();
    }

    /**
     * Timers only, shared by every account (heartbeats, reconnects, REST rate-limit waits and
     * retries, timeouts): no task ever blocks on it.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService mjScheduler() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mj-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    MessageParser messageParser(AccountProperties properties) {
        return new MessageParser(properties.commands());
    }

    @Bean
    InteractionPayloads interactionPayloads(AccountProperties properties) {
        return new InteractionPayloads(properties.commands());
    }

    /** Counts the bot messages the parser could not place (logged at WARN once per shape and count step). */
    @Bean
    UnplacedMessages unplacedMessages() {
        return new UnplacedMessages();
    }

    @Bean(destroyMethod = "close")
    AccountObservers accountObservers(MjProperties properties, AccountProperties accountProperties,
                                      UnplacedMessages unplaced) {
        String dir = properties.discord().captureDir();
        CaptureWriter capture = null;
        if (dir != null && !dir.isBlank()) {
            // Each account's tokens are added as the account is built (AccountConnector), also for live edits.
            capture = new CaptureWriter(Path.of(dir), Clock.systemUTC(), JsonMapper.builder().build(), Set.of());
        }
        return new AccountObservers(unplaced, capture, accountProperties.commands());
    }

    /** One HTTP client per distinct proxy setting, shared by every account. */
    @Bean(destroyMethod = "close")
    HttpClients discordHttpClients() {
        return new HttpClients();
    }

    @Bean(destroyMethod = "close")
    AccountPool accountPool(AccountSetup setup, ObjectMapper json, ScheduledExecutorService mjScheduler,
                            MessageParser parser, AccountProperties properties, AccountObservers observers,
                            HttpClients discordHttpClients, ObjectProvider<MeterRegistry> meterRegistry) {
        TransportMeters meters = new TransportMeters(meterRegistry.getIfAvailable(CompositeMeterRegistry::new));
        AccountConnector connector = new AccountConnector(setup.endpoints(), json, mjScheduler, parser,
                RestRetryPolicy.standard(), Backoff.standard(), observers, discordHttpClients, meters);
        return new AccountPool(setup.accounts(), connector, new AccountSelector(properties.selection().strategy()),
                setup.sandbox());
    }

    /** The accounts' gauges (state, running and queued tasks, fast time); read by nobody without a registry. */
    @Bean
    AccountMeters accountMeters(AccountPool pool, ObjectProvider<MeterRegistry> meterRegistry) {
        return new AccountMeters(pool, meterRegistry.getIfAvailable(CompositeMeterRegistry::new));
    }

    /** Component {@code accounts} of {@code /actuator/health/readiness}: is any account READY? */
    @Bean
    AccountsHealthIndicator accountsHealthIndicator(AccountPool pool) {
        return new AccountsHealthIndicator(pool);
    }

    /** {@code /actuator/health} stays as it was: the readiness checks count only in their groups. */
    @Bean
    static ReadinessOnlyHealth readinessOnlyHealth() {
        return new ReadinessOnlyHealth();
    }

    /** Applies accounts.yml to the running pool (reload endpoint, watcher); inert in sandbox mode. */
    @Bean
    PoolReloader poolReloader(AccountSetup setup, AccountPool pool) {
        return PoolReloader.of(setup, new AccountsFile(System.getenv()::get), pool);
    }

    /** The admin API's edits of accounts.yml, applied through the reloader. */
    @Bean
    AccountEdits accountEdits(PoolReloader reloader, AccountPool pool) {
        return new AccountEdits(reloader, pool);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    AccountsFileWatcher accountsFileWatcher(PoolReloader reloader, AccountSetup setup, AccountProperties properties) {
        return new AccountsFileWatcher(reloader, setup.file(), properties.accounts().reloadCheck());
    }

    /** Presses Acknowledge / Accept ToS and ends timed blocks for the accounts (docs/accounts.md). */
    @Bean
    ModerationRecovery moderationRecovery(InteractionPayloads payloads, ScheduledExecutorService mjScheduler,
                                          AccountSyncer syncer) {
        return new ModerationRecovery(payloads, mjScheduler, Clock.systemUTC(), syncer::sync);
    }

    @Bean
    JobSender jobSender(InteractionPayloads payloads, DiscordEndpoints endpoints) {
        return new JobSender(payloads, endpoints);
    }

    /** Each account's /info and /settings sync, on connect, by interval and on request; ticks on the shared timer. */
    @Bean(destroyMethod = "close")
    AccountSyncer accountSyncer(AccountPool pool, JobSender sender, ScheduledExecutorService mjScheduler,
                                AccountProperties properties) {
        AccountSyncer syncer = new AccountSyncer(pool, sender, mjScheduler, properties.accounts(), Clock.systemUTC());
        syncer.start();
        return syncer;
    }
}
