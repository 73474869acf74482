package dev.mjbridge.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.task.AccountLeases;
import dev.mjbridge.task.RecoveryScope;
import dev.mjbridge.task.RemoteTaskChanges;

/**
 * Wires the cluster when {@code mj.cluster.enabled=true}; with it off nothing here but the settings
 * exists, so a single instance runs no cluster thread and reads no cluster table.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    /**
     * Joins the cluster while the beans are made, before the task engine builds the pool: the pool
     * then builds and connects only the accounts this instance won a lease on. After the migrations,
     * which create the tables.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    @DependsOnDatabaseInitialization
    LeaseKeeper leaseKeeper(ClusterProperties properties, DataSource dataSource, AccountPool pool) {
        requirePostgres(dataSource);
        LeaseStore store = new LeaseStore(dataSource, properties.renewInterval());
        LeaseKeeper keeper = new LeaseKeeper(properties, store, pool, localAddress());
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

    /**
     * Leaves the cluster as the context starts closing, before the task engine stops the pool: no
     * round may claim an account on a pool shutting down, and the others take the accounts at once.
     * Only for this context's own close (a management child context's close reaches here too).
     */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    ApplicationListener<ContextClosedEvent> clusterLeaver(LeaseKeeper keeper, ApplicationContext context) {
        return event -> {
            if (event.getApplicationContext() == context) {
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
