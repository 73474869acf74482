package dev.mjbridge.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.Nonces;
import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.task.AccountLeases;
import dev.mjbridge.task.ClusterAccounts;
import dev.mjbridge.task.ClusterQueue;
import dev.mjbridge.task.InFlightIndex;
import dev.mjbridge.task.SettledTasks;
import dev.mjbridge.task.WriteBehindTaskStore;
import dev.mjbridge.task.RecoveryScope;
import dev.mjbridge.task.RemoteTaskChanges;
import dev.mjbridge.task.TaskIds;

/**
 * Wires the cluster when {@code mj.cluster.enabled=true}; with it off nothing here but the settings
 * exists, so a single instance runs no cluster thread and reads no cluster table.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    /**
     * Joins the cluster while the beans are made, before the task engine builds the pool: the pool
     * then builds and connects only the accounts this instance won a lease on. After the migrations,
     * which create the tables.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    @DependsOnDatabaseInitialization
    LeaseKeeper leaseKeeper(ClusterProperties properties, DataSource dataSource, AccountPool pool, TaskIds taskIds) {
        requirePostgres(dataSource);
        LeaseStore store = new LeaseStore(dataSource, properties.renewInterval());
        LeaseKeeper keeper = new LeaseKeeper(properties, store, pool, localAddress(), slot -> {
            taskIds.useInstanceSlot(slot);
            Nonces.useInstanceSlot(slot);
        });
        keeper.start();
        return keeper;
    }

    /**
     * Every unfinished task is taken up at start-up only by an instance that joined alone; otherwise only
     * those of the accounts it claims (task.AccountTakeover, by the leases below).
     */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    RecoveryScope clusterRecoveryScope(LeaseKeeper keeper) {
        return keeper::aloneAtStart;
    }

    /** A task sent from a held account carries the lease's epoch: the store fences the old owner's writes by it. */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    AccountLeases clusterAccountLeases(LeaseKeeper keeper) {
        return keeper::stampFor;
    }

    /** Tasks no account here can start wait for the accounts the other instances hold (task.ClusterQueue). */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ClusterAccounts clusterAccounts(LeaseKeeper keeper, ClusterSignals signals) {
        return new ClusterAccounts() {
            @Override
            public boolean clustered() {
                return true;
            }

            @Override
            public Set<String> heldElsewhere() {
                return keeper.heldElsewhere();
            }

            @Override
            public void taskQueued() {
                try {
                    signals.notify(ClusterSignals.TASK_QUEUED, "");
                } catch (RuntimeException e) {
                    // The others find the task at their next look at the queue (every 500 ms).
                    log.debug("cluster: could not signal a queued task: {}", e.getMessage());
                }
            }
        };
    }

    /** LISTEN/NOTIFY between the instances, on a connection of its own. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    @DependsOnDatabaseInitialization
    ClusterSignals clusterSignals(DataSource dataSource) {
        requirePostgres(dataSource);
        return ClusterSignals.start(dataSource);
    }

    /** Every task version this instance's store writes is announced to the others. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    TaskChangeNotices taskChangeNotices(ClusterSignals signals, ClusterProperties properties) {
        return new TaskChangeNotices(signals, properties.instanceId());
    }

    /** A task another instance added to the shared queue wakes this one's claimer (and a resync, for missed signals). */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ClusterSignals.Subscription clusterQueueWakeUp(ClusterSignals signals, ClusterQueue queue) {
        return signals.subscribe(ClusterSignals.TASK_QUEUED, new ClusterSignals.Subscriber() {
            @Override
            public void onSignal(String payload) {
                queue.wake();
            }

            @Override
            public void onResync() {
                queue.wake();
            }
        });
    }

    /** The others' announced task versions reach this instance's live streams. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    RemoteTaskFeed remoteTaskFeed(ClusterSignals signals, ClusterProperties properties, RemoteTaskChanges changes) {
        RemoteTaskFeed feed = new RemoteTaskFeed(properties.instanceId(), changes);
        signals.subscribe(ClusterSignals.TASK_CHANGED, feed);
        return feed;
    }

    /** The registry shows the port the API listens on (known only once the server started). */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ApplicationListener<WebServerInitializedEvent> clusterPortRecorder(LeaseKeeper keeper) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) {
                keeper.serving(event.getWebServer().getPort());
            }
        };
    }

    /** Hands the accounts over before the instance stops: on shutdown, and on {@code POST /mj/cluster/drain}. */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ClusterDrain clusterDrain(LeaseKeeper keeper, AccountPool pool, ClusterProperties properties,
                              InFlightIndex tasks, WriteBehindTaskStore store, ApplicationContext context) {
        // A leaving account's lease waits for its tasks' last writes too (a picture being kept, a row not
        // written yet, a queued task given back to the cluster's queue): the next owner then finds them
        // finished, and never finds a given-back task still on the account.
        keeper.releaseOnlyWhen(new SettledTasks(tasks, store)::settledOn);
        return new ClusterDrain(keeper, pool, properties.drainTimeout(),
                () -> AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC));
    }

    /** After {@code POST /mj/cluster/drain}: the context closes, then the JVM exits with its exit code. */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    @ConditionalOnMissingBean
    DrainExit drainExit(ApplicationContext context) {
        return () -> System.exit(SpringApplication.exit(context));
    }

    /** Whom admin calls and account lists ask: the live instances and who holds which account. */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ClusterDirectory clusterDirectory(ClusterProperties properties, DataSource dataSource) {
        return new ClusterDirectory(properties, new LeaseStore(dataSource, properties.renewInterval()));
    }

    /**
     * Drains, then leaves the cluster as the context starts closing, before the task engine stops the
     * pool: the running jobs end here (up to the drain timeout), no round may claim an account on a
     * pool shutting down, and the others take the accounts at once. The close waits for the drain
     * (the web server still answers meanwhile: readiness says DOWN). Only for this context's own close
     * (a management child context's close reaches here too).
     */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ApplicationListener<ContextClosedEvent> clusterLeaver(LeaseKeeper keeper, ClusterDrain drain,
                                                          ApplicationContext context) {
        return event -> {
            if (event.getApplicationContext() == context) {
                drain.drainAndWait();
                keeper.close();
            }
        };
    }

    private static void requirePostgres(DataSource dataSource) {
        String product = LeaseStore.product(dataSource);
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            throw new InvalidSettingException("mj.cluster.enabled", "the instances of a cluster share a PostgreSQL "
                    + "database, but spring.datasource.url is " + product + ": point spring.datasource.url "
                    + "(SPRING_DATASOURCE_URL) at jdbc:postgresql://..., or set mj.cluster.enabled=false");
        }
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
