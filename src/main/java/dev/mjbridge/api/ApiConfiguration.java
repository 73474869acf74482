package dev.mjbridge.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.cluster.ClusterDirectory;
import dev.mjbridge.images.ImageProperties;
import dev.mjbridge.task.TaskService;

/**
 * Registers the REST layer's settings, the admin secret check, and (in a cluster) the forwarding of an
 * account's admin call to the instance holding the account. {@link ImageProperties} is bound
 * here too because the api secret filter reads {@code mj.images.require-secret}; the image store
 * itself comes from the images package (none in a context without it: the endpoint then answers 404).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, AdminProperties.class, RateLimitProperties.class,
        ImageProperties.class, EventsProperties.class})
public class ApiConfiguration implements WebMvcConfigurer {

    private final AdminProperties admin;
    private final ApiProperties api;
    private final ObjectProvider<ClusterDirectory> cluster;
    private final ObjectProvider<AccountPool> pool;
    private final PeerCalls peers;
    private final ObjectProvider<TaskService> tasks;

    ApiConfiguration(AdminProperties admin, ApiProperties api, ObjectProvider<ClusterDirectory> cluster,
                     ObjectProvider<AccountPool> pool, ObjectProvider<TaskService> tasks, PeerCalls peers) {
        this.tasks = tasks;
        this.admin = admin;
        this.api = api;
        this.cluster = cluster;
        this.pool = pool;
        this.peers = peers;
    }

    /** Ahead of Spring's own converters, so the request records are read whatever their content type. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new JsonRequestConverter(JsonRequestConverter.maxBytes(api.limits())));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminSecretInterceptor(admin));
        // After the secret checks: only a call this instance would take reaches another instance.
        registry.addInterceptor(new OwnerForwarding(cluster, pool, tasks, peers));
    }
}
