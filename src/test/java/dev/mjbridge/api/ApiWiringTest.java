package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSyncer;
import dev.mjbridge.notify.NotifyHookPolicy;
import dev.mjbridge.notify.NotifyProperties;
import dev.mjbridge.task.ActionPlanner;
import dev.mjbridge.task.SubmitResult;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskService;

/** The api package wires itself in Spring MVC and binds its mj.* settings, defaults included. */
class ApiWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @ComponentScan(basePackageClasses = ApiConfiguration.class)
    @Import(ActionPlanner.class)
    static class ApiOnly {
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            // As SpringApplication does: lets @Value read "60s" as a Duration.
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(ApiOnly.class)
            .withBean(TaskService.class, ApiWiringTest::acceptingTaskService)
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

    private static TaskService acceptingTaskService() {
        TaskService tasks = mock(TaskService.class);
        when(tasks.newTask(any())).thenAnswer(call -> Task.create("1", (JobKind) call.getArgument(0), 1L));
        when(tasks.submit(any(), any(), any())).thenAnswer(call -> new SubmitResult.Submitted(call.getArgument(0), "main"));
        return tasks;
    }

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(ApiSecretFilter.class))
                .build();
    }

    @Test
    void defaultsApply() {
        runner.run(context -> {
            ApiProperties properties = context.getBean(ApiProperties.class);
            assertThat(properties.apiSecret()).isNull();
            assertThat(properties.limits().maxImageBytes()).isEqualTo(10L * 1024 * 1024);
            assertThat(properties.limits().maxPromptLength()).isEqualTo(8192);
            assertThat(properties.bannedWords()).contains("nsfw");

            MockMvc mvc = mvc(context);
            mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"prompt\": \"cat\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.code").value(1));
            mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"prompt\": \"nsfw cat\"}"))
                    .andExpect(jsonPath("$.code").value(24));
            mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON).content("{"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.code").value(4));
            mvc.perform(get("/nothing/here"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value(4));
        });
    }

    @Test
    void settingsAreBound() {
        runner.withPropertyValues("mj.api-secret=abc", "mj.limits.max-prompt-length=5", "mj.banned-words=")
                .run(context -> {
                    ApiProperties properties = context.getBean(ApiProperties.class);
                    assertThat(properties.limits().maxPromptLength()).isEqualTo(5);
                    assertThat(properties.limits().maxImageBytes()).isEqualTo(10L * 1024 * 1024);
                    assertThat(properties.bannedWords()).isEmpty();
                    assertThat(properties.toString()).doesNotContain("abc");

                    MockMvc mvc = mvc(context);
                    mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"prompt\": \"nsfw\"}"))
                            .andExpect(status().isUnauthorized());
                    mvc.perform(post("/mj/submit/imagine").header("mj-api-secret", "abc")
                                    .contentType(MediaType.APPLICATION_JSON).content("{\"prompt\": \"nsfw\"}"))
                            .andExpect(jsonPath("$.code").value(1));
                    mvc.perform(post("/mj/submit/imagine").header("mj-api-secret", "abc")
                                    .contentType(MediaType.APPLICATION_JSON).content("{\"prompt\": \"a big cat\"}"))
                            .andExpect(jsonPath("$.description").value("prompt: is longer than 5 characters"));
                });
    }
}
