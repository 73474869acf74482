package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSyncer;
import dev.mjbridge.notify.NotifyHookPolicy;
import dev.mjbridge.notify.NotifyProperties;
import dev.mjbridge.task.ActionPlanner;
import dev.mjbridge.task.TaskService;

/** mj.admin-secret and mj.rate-limit.per-minute bind, and Spring MVC applies them (defaults: admin off, no limit). */
class AdminAndRateLimitWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @ComponentScan(basePackageClasses = ApiConfiguration.class)
    @Import(ActionPlanner.class)
    static class ApiOnly {
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(ApiOnly.class)
            .withBean(TaskService.class, () -> mock(TaskService.class))
            .withBean(AccountPool.class, () -> mock(AccountPool.class))
            .withBean(dev.mjbridge.task.UnfinishedTasks.class, () -> mock(dev.mjbridge.task.UnfinishedTasks.class))
            .withBean(dev.mjbridge.cluster.ClusterProperties.class, dev.mjbridge.cluster.ClusterProperties::defaults)
            // The accounts file's reloader and edits as in sandbox mode: no file.
            .withBean(dev.mjbridge.account.PoolReloader.class, () -> new dev.mjbridge.account.PoolReloader(null, null,
                    dev.mjbridge.account.AccountsFile.withSystemEnvironment(), mock(AccountPool.class), java.time.Clock.systemUTC()))
            .withBean(dev.mjbridge.account.AccountEdits.class, () -> new dev.mjbridge.account.AccountEdits(
                    new dev.mjbridge.account.PoolReloader(null, null, dev.mjbridge.account.AccountsFile.withSystemEnvironment(),
                            mock(AccountPool.class), java.time.Clock.systemUTC()), mock(AccountPool.class)))
            .withBean(AccountSyncer.class, () -> mock(AccountSyncer.class))
            .withBean(dev.mjbridge.notify.WebhookNotifier.class, () -> mock(dev.mjbridge.notify.WebhookNotifier.class))
            .withBean(NotifyHookPolicy.class, () -> new NotifyHookPolicy(
                    NotifyProperties.defaults()));

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(RateLimitFilter.class), context.getBean(ApiSecretFilter.class))
                .build();
    }

    @Test
    void byDefaultTheAdminApiIsOffAndNothingIsLimited() {
        runner.run(context -> {
            assertThat(context.getBean(AdminProperties.class).adminSecret()).isNull();
            assertThat(context.getBean(RateLimitProperties.class).perMinute()).isZero();
            MockMvc mvc = mvc(context);
            mvc.perform(post("/mj/account/main/enable").header(AdminSecretInterceptor.HEADER, ""))
                    .andExpect(status().isForbidden());
            for (int i = 0; i < 20; i++) {
                mvc.perform(get("/mj/account/list")).andExpect(status().isOk());
            }
        });
    }

    @Test
    void configuredTheyApply() {
        runner.withPropertyValues("mj.admin-secret=wired-admin", "mj.rate-limit.per-minute=3").run(context -> {
            MockMvc mvc = mvc(context);
            mvc.perform(post("/mj/account/main/enable")).andExpect(status().isUnauthorized());
            mvc.perform(post("/mj/account/main/enable").header(AdminSecretInterceptor.HEADER, "wired-admin"))
                    .andExpect(status().isOk());
            mvc.perform(get("/mj/account/list")).andExpect(status().isOk());
            mvc.perform(get("/mj/account/list")).andExpect(status().isTooManyRequests());
        });
    }
}
