package dev.mjbridge.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mjbridge.cluster.ClusterProperties;
import dev.mjbridge.notify.OutboxMember;

/**
 * Tells the webhook outbox (package notify) this instance's name and the lease ttl from the cluster's
 * settings. Here because api is the one package that may see both cluster and notify.
 */
@Configuration(proxyBeanMethods = false)
class ClusterWebhooks {

    @Bean
    @ConditionalOnBooleanProperty("mj.cluster.enabled")
    OutboxMember webhookOutboxMember(ClusterProperties cluster) {
        return new OutboxMember(cluster.instanceId(), cluster.leaseTtl());
    }
}
