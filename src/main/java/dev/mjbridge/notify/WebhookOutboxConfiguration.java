package dev.mjbridge.notify;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook outbox, only with {@code mj.cluster.enabled}: without it nothing here exists, and
 * {@link WebhookNotifier} delivers from memory, touching no table.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookOutboxConfiguration {

    /** A statement that takes longer gives up: a database that does not answer must not hold a delivery thread. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    /** After the migrations, which create the tables. */
    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    @DependsOnDatabaseInitialization
    OutboxStore webhookOutboxStore(DataSource dataSource) {
        return new OutboxStore(dataSource, STATEMENT_TIMEOUT);
    }
}
