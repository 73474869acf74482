package dev.mjbridge.sandbox;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * A running sandbox: start one with {@link #start(SandboxSettings)}, point a client at
 * {@link #restBaseUrl()} and {@link #gatewayUrl()}, steer it with {@link #control()}.
 */
public final class SandboxServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SandboxServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SandboxServer start(SandboxSettings settings) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SandboxApplication.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false)
                // Its own config name keeps the proxy's application.yml out of the sandbox.
                .properties(Map.of(
                        "spring.config.name", "mj-sandbox",
                        "spring.main.register-shutdown-hook", "false",
                        "spring.jmx.enabled", "false",
                        "server.shutdown", "immediate",
                        "spring.servlet.multipart.max-file-size", "64MB",
                        "spring.servlet.multipart.max-request-size", "128MB"))
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("sandboxSettings", settings))
                .run("--server.port=" + settings.port());
        return new SandboxServer(context);
    }

    public int port() {
        return context.getBean(SandboxUrls.class).port();
    }

    /** Value for {@code mj.discord.server}: the REST base without {@code /api/v9}. */
    public String restBaseUrl() {
        return context.getBean(SandboxUrls.class).http();
    }

    /** Value for {@code mj.discord.gateway}. */
    public String gatewayUrl() {
        return context.getBean(SandboxUrls.class).gateway();
    }

    public SandboxControl control() {
        return context.getBean(SandboxControl.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
