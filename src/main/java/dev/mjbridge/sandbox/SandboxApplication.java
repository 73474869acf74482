package dev.mjbridge.sandbox;

import dev.mjbridge.sandbox.cdn.SignedLinks;
import dev.mjbridge.sandbox.cdn.UploadStore;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.gateway.GatewaySocketHandler;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.rest.RateLimiter;
import dev.mjbridge.sandbox.rest.RestFaults;
import dev.mjbridge.sandbox.rest.RestGate;
import dev.mjbridge.sandbox.world.Snowflakes;
import dev.mjbridge.sandbox.world.World;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.ObjectMapper;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The sandbox's own Spring context: a web server that is Discord (REST, gateway, CDN,
 * upload host) with the Midjourney bot behind it. It never shares beans with the proxy.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@EnableWebSocket
@ComponentScan(basePackageClasses = SandboxApplication.class)
public class SandboxApplication implements WebSocketConfigurer, WebMvcConfigurer {

    private final GatewaySocketHandler gatewayHandler;
    private final RestGate restGate;

    public SandboxApplication(GatewaySocketHandler gatewayHandler, RestGate restGate) {
        this.gatewayHandler = gatewayHandler;
        this.restGate = restGate;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Discord's gateway answers on its root path; "/gateway" is accepted too.
        registry.addHandler(gatewayHandler, "/", "/gateway", "/gateway/").setAllowedOrigins("*");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(restGate).addPathPatterns("/api/**");
    }

    /** Beans that are plain objects (no Spring annotations) so tests can also build them by hand. */
    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean(destroyMethod = "shutdownNow")
        ScheduledExecutorService sandboxScheduler() {
            return Executors.newScheduledThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "sandbox-scheduler");
                thread.setDaemon(true);
                return thread;
            });
        }

        @Bean
        Snowflakes snowflakes() {
            return new Snowflakes();
        }

        @Bean
        World world(SandboxSettings settings, Snowflakes snowflakes) {
            return new World(settings, snowflakes);
        }

        @Bean
        SandboxUrls sandboxUrls() {
            return new SandboxUrls();
        }

        @Bean
        ApplicationListener<WebServerInitializedEvent> sandboxPortBinder(SandboxUrls urls) {
            return event -> urls.bind("127.0.0.1", event.getWebServer().getPort());
        }

        @Bean
        GatewayHub gatewayHub(World world, ObjectMapper json, ScheduledExecutorService sandboxScheduler) {
            return new GatewayHub(world, json, sandboxScheduler);
        }

        @Bean
        GatewaySocketHandler gatewaySocketHandler(GatewayHub hub, World world, SandboxSettings settings,
                                                  SandboxUrls urls, ObjectMapper json) {
            return new GatewaySocketHandler(hub, world, settings, urls, json);
        }

        @Bean
        MessagePublisher messagePublisher(World world, GatewayHub hub, SignedLinks links) {
            return new MessagePublisher(world, hub, links);
        }

        @Bean
        RestFaults restFaults() {
            return new RestFaults();
        }

        @Bean
        RateLimiter rateLimiter(SandboxSettings settings) {
            return new RateLimiter(settings.restRequestsPerSecond());
        }

        @Bean
        RestGate restGate(World world, RestFaults faults, RateLimiter limiter, ObjectMapper json, Recorder recorder) {
            return new RestGate(world, faults, limiter, json, recorder);
        }

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        UploadStore uploadStore() {
            return new UploadStore();
        }
    }
}
