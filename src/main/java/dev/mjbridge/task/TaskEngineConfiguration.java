package dev.mjbridge.task;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSetup;
import dev.mjbridge.account.JobSender;
import dev.mjbridge.account.ModerationRecovery;
import dev.mjbridge.config.MjProperties;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.midjourney.MessageParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import tools.jackson.databind.ObjectMapper;

import java.util.List;

import javax.sql.DataSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wires the task engine and connects the accounts once it can hear them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskCacheProperties.class)
public class TaskEngineConfiguration {

    /** Serialized with the mapper the REST layer answers with, so cached bytes are what it would write. */
    @Bean
    TaskJsonCache taskJsonCache(ObjectMapper json, TaskCacheProperties properties) {
        return new TaskJsonCache(json, properties.jsonCacheBytes().toBytes());
    }

    /**
     * The store the engine uses: the database written behind, on a thread of its own, with
     * unwritten versions read from memory. Primary, so every reader sees those versions too.
     * Closed (what is left written) when the context closes, which is after the accounts stopped
     * ({@link #taskEngineLifecycle}), so the last events heard are written as well.
     */
    @Bean(destroyMethod = "close")
    @Primary
    WriteBehindTaskStore writeBehindTaskStore(JdbcTaskStore jdbc, TaskJsonCache cache,
                                              ObjectProvider<StoredTasksListener> storedListener) {
        WriteBehindTaskStore store = WriteBehindTaskStore.onOwnThread(jdbc, cache::stored);
        // In a cluster, what is written is announced to the other instances.
        storedListener.ifAvailable(store::onStoredTasks);
        return store;
    }

    /** Changes of tasks other instances of a cluster follow, for the live streams here (unused by a single instance). */
    @Bean
    RemoteTaskChanges remoteTaskChanges(InFlightIndex index, TaskStore store, TaskJsonCache cache,
                                        List<TaskListener> listeners) {
        return new RemoteTaskChanges(index, store, cache, listeners);
    }

    /** The unfinished tasks of every instance of a cluster (the queue there). */
    @Bean
    UnfinishedTasks unfinishedTasks(InFlightIndex index, TaskStore store) {
        return new UnfinishedTasks(index, store);
    }

    /** Tasks submitted and finished, and the delay to a visible SUCCESS; a listener like the webhooks. */
    @Bean
    TaskMeters taskMeters(ObjectProvider<MeterRegistry> meterRegistry) {
        return new TaskMeters(meterRegistry.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    TaskReads taskReads(InFlightIndex index, TaskJsonCache cache, TaskStore store) {
        return new TaskReads(index, cache, store);
    }

    @Bean
    TaskWriter taskWriter(InFlightIndex index, WriteBehindTaskStore store, TaskTransitions transitions, TaskJsonCache cache,
                          List<TaskListener> listeners) {
        return new TaskWriter(index, store, transitions, cache, listeners);
    }

    @Bean
    JobRunner jobRunner(TaskWriter writer, JobSender sender, ObjectProvider<AccountLeases> leases) {
        return new JobRunner(writer, sender, leases.getIfAvailable(() -> AccountLeases.NONE));
    }

    @Bean
    SeedRequests seedRequests(AccountPool pool, TaskWriter writer, MjProperties properties) {
        return new SeedRequests(pool, writer, properties.tasks().seedTimeout());
    }

    /**
     * In a cluster ({@link ClusterAccounts} present), a task no account here can start waits in the shared
     * queue in the database for a suitable account of any instance.
     */
    @Bean
    TaskService taskService(TaskIds ids, TaskStore store, InFlightIndex index, TaskWriter writer, AccountPool pool,
                            JobSender sender, JobRunner runner, SeedRequests seeds, TaskReads reads,
                            MjProperties properties, ObjectProvider<ClusterAccounts> cluster, JdbcTaskStore jdbc,
                            DataSource dataSource, ObjectProvider<AccountLeases> leases,
                            ObjectProvider<StoredTasksListener> storedListener) {
        ClusterAccounts accounts = cluster.getIfAvailable(() -> ClusterAccounts.NONE);
        return new TaskService(ids, store, index, writer, pool, sender, runner, seeds, reads,
                properties.tasks().maxWait(), accounts,
                accounts.clustered() ? new WaitingTasks(jdbc, dataSource) : null,
                leases.getIfAvailable(() -> AccountLeases.NONE),
                storedListener.getIfAvailable(() -> StoredTasksListener.NONE));
    }

    /** Woken from outside the engine when another instance adds a task to the cluster's queue. */
    @Bean
    ClusterQueue clusterQueue(TaskService service) {
        return service.clusterQueue();
    }

    /** {@code mj.midjourney.cdn}; in sandbox mode the sandbox's own Midjourney CDN. */
    @Bean
    MidjourneyCdn midjourneyCdn(AccountSetup setup, MjProperties properties) {
        return new MidjourneyCdn(setup.sandbox() ? setup.simulator().midjourneyCdnUrl() : properties.midjourney().cdn());
    }

    @Bean
    TaskEventHandler taskEventHandler(InFlightIndex index, TaskWriter writer, JobRunner runner,
                                      SeedRequests seeds, DiscordEndpoints endpoints, MessageParser parser,
                                      MidjourneyCdn cdn, ResultImages images, ModerationRecovery moderation) {
        return new TaskEventHandler(new TaskCorrelator(index), writer, index, runner, seeds, endpoints,
                parser, cdn, images, moderation);
    }

    /** Connects the accounts after everything is wired, and checks for silent tasks periodically. */
    @Bean
    SmartLifecycle taskEngineLifecycle(AccountPool pool, TaskEventHandler handler, InFlightIndex index, TaskWriter writer,
                                       ScheduledExecutorService mjScheduler, MjProperties properties, TaskStore store,
                                       TaskService service, ResultImages images,
                                       ObjectProvider<RecoveryScope> recoveryScope,
                                       ObjectProvider<AccountLeases> leases) {
        return new SmartLifecycle() {
            private volatile ScheduledFuture<?> timeouts;

            @Override
            public void start() {
                pool.build(handler);
                PacingAfterRestart.restore(pool, store);
                RestartRecovery recovery = new RestartRecovery(store, service, writer, images);
                AccountTakeover takeover = new AccountTakeover(store, index, writer, recovery::takeUp,
                        leases.getIfAvailable(() -> AccountLeases.NONE));
                pool.whenAccountsDropped(takeover::letGo);
                pool.whenAccountJoins(account -> {
                    PacingAfterRestart.restore(account, store);
                    takeover.takeUp(account);
                    service.clusterQueue().wake();
                });
                if (recoveryScope.getIfAvailable(() -> RecoveryScope.ALL).takesUpUnfinishedTasks()) {
                    recovery.recover();
                }
                // In a cluster, the tasks of the accounts claimed before start-up follow them here.
                pool.all().forEach(takeover::takeUp);
                pool.connectAll();
                service.clusterQueue().start();
                long every = properties.tasks().timeoutCheck().toMillis();
                timeouts = mjScheduler.scheduleWithFixedDelay(new TaskTimeouts(index, writer, pool), every, every,
                        TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                if (timeouts != null) {
                    timeouts.cancel(false);
                }
                service.clusterQueue().close();
                pool.close();
            }

            @Override
            public boolean isRunning() {
                return timeouts != null && !timeouts.isCancelled();
            }
        };
    }
}
