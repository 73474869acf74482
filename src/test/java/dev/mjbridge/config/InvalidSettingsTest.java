package dev.mjbridge.config;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.mjbridge.MjBridgeApplication;
import dev.mjbridge.account.AccountProperties;
import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.api.AdminProperties;
import dev.mjbridge.api.ApiProperties;
import dev.mjbridge.api.EventsProperties;
import dev.mjbridge.api.RateLimitProperties;
import dev.mjbridge.cluster.ClusterProperties;
import dev.mjbridge.notify.NotifyProperties;

/**
 * Every settings record of the application, bound as Spring binds them at start-up: a value that
 * cannot be used stops the context with the key and the reason, never a silent default.
 */
class InvalidSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MjProperties.class, AccountProperties.class,
            NotifyProperties.class, ClusterProperties.class,
            ApiProperties.class, AdminProperties.class, RateLimitProperties.class, EventsProperties.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(AllSettings.class);

    @Test
    void withNoSettingAtAllEveryRecordHoldsItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MjProperties.class)).isEqualTo(MjProperties.defaults());
            assertThat(context.getBean(NotifyProperties.class)).isEqualTo(NotifyProperties.defaults());
            assertThat(context.getBean(AccountProperties.class)).isEqualTo(AccountProperties.defaults());
            assertThat(context.getBean(ApiProperties.class).limits()).isEqualTo(ApiProperties.Limits.DEFAULTS);
            assertThat(context.getBean(RateLimitProperties.class)).isEqualTo(RateLimitProperties.off());
            assertThat(context.getBean(EventsProperties.class)).isEqualTo(EventsProperties.defaults());
        });
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        MjProperties mj = MjProperties.defaults();
        assertThat(mj.discord().server()).isEqualTo("https://discord.com");
        assertThat(mj.discord().gateway()).isEqualTo("wss://gateway.discord.gg");
        assertThat(mj.midjourney().cdn()).isEqualTo("https://cdn.midjourney.com");
        assertThat(mj.sandbox().jobTime()).hasSeconds(4);
        assertThat(mj.sandbox().videoTime()).isNull();
        assertThat(mj.sandbox().linkLifetime()).isNull();
        assertThat(mj.tasks().seedTimeout()).hasSeconds(60);
        assertThat(mj.tasks().timeoutCheck()).hasSeconds(10);
        assertThat(AccountProperties.defaults().selection().strategy()).isEqualTo(SelectionStrategy.BEST_WAIT_IDLE);
        assertThat(AccountProperties.defaults().accounts().reloadCheck()).hasSeconds(5);
        assertThat(AccountProperties.defaults().accounts().syncEnabled()).isTrue();
        assertThat(AccountProperties.defaults().accounts().syncInterval()).hasMinutes(30);
        assertThat(AccountProperties.defaults().accounts().syncTimeout()).hasSeconds(30);
        assertThat(ApiProperties.Limits.DEFAULTS).isEqualTo(new ApiProperties.Limits(10_485_760, 8192, 10));
        NotifyProperties notify = NotifyProperties.defaults();
        assertThat(notify.maxQueuedPerTask()).isEqualTo(32);
        assertThat(notify.maxQueued()).isEqualTo(10_000);
        assertThat(notify.firstDelay()).hasSeconds(1);
        assertThat(EventsProperties.defaults()).isEqualTo(new EventsProperties(Duration.ofSeconds(15), 1000, 256, 1000, 2,
                Duration.ofSeconds(10)));
    }

    @Test
    void theClusterIsOffByDefaultWithATtlOf15sRenewedEvery5sAndAnInstanceIdOfTheHostPlusASuffix() {
        runner.run(context -> {
            ClusterProperties cluster = context.getBean(ClusterProperties.class);
            assertThat(cluster.enabled()).isFalse();
            assertThat(cluster.leaseTtl()).hasSeconds(15);
            assertThat(cluster.renewInterval()).hasSeconds(5);
            assertThat(cluster.instanceId()).matches("[A-Za-z0-9._-]+-[0-9a-f]{6}");
            assertThat(ClusterProperties.defaults().instanceId()).as("a restart is a new instance")
                    .isNotEqualTo(cluster.instanceId());
        });
        runner.withPropertyValues("mj.cluster.enabled=true", "mj.cluster.instance-id=node-1", "mj.cluster.lease-ttl=3s")
                .run(context -> {
                    ClusterProperties cluster = context.getBean(ClusterProperties.class);
                    assertThat(cluster.instanceId()).isEqualTo("node-1");
                    assertThat(cluster.renewInterval()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void validValuesBind() {
        runner.withPropertyValues("mj.notify.attempts=1", "mj.notify.timeout=250ms", "mj.selection.strategy=weighted",
                "mj.discord.server=http://127.0.0.1:8090/", "mj.discord.gateway=ws://127.0.0.1:8090",
                "mj.midjourney.cdn=http://127.0.0.1:8090", "mj.sandbox.port=65535", "mj.limits.max-images=1",
                "mj.discord.cdn=", "mj.notify-hook=https://hooks.example.com/mj", "mj.accounts.reload-check=2s",
                "mj.accounts-file=/etc/mj-bridge/accounts.yml").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(NotifyProperties.class).attempts()).isEqualTo(1);
            assertThat(context.getBean(AccountProperties.class).selection().strategy())
                    .isEqualTo(SelectionStrategy.WEIGHTED);
            assertThat(context.getBean(MjProperties.class).discord().cdn()).isEmpty();
            // mj.accounts.* and mj.accounts-file are different keys of different records.
            assertThat(context.getBean(AccountProperties.class).accounts().reloadCheck()).hasSeconds(2);
            assertThat(context.getBean(MjProperties.class).accountsFile()).isEqualTo("/etc/mj-bridge/accounts.yml");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            # negative and zero durations
            mj.notify.timeout          | -1s                      | must be longer than zero
            mj.notify.first-delay      | 0ms                      | must be longer than zero
            mj.notify.max-delay        | -5m                      | must be longer than zero
            mj.tasks.seed-timeout      | -60s                     | must be longer than zero
            mj.tasks.timeout-check     | 0s                       | must be longer than zero
            mj.tasks.max-wait          | 0s                       | must be longer than zero
            mj.accounts.sync-interval  | 0s                       | must be longer than zero
            mj.accounts.sync-timeout   | -3s                      | must be longer than zero
            mj.sandbox.job-time        | -4s                      | must be longer than zero
            mj.sandbox.video-time      | 0s                       | must be longer than zero
            mj.sandbox.link-lifetime   | -1h                      | must be longer than zero
            mj.accounts.reload-check   | 0s                       | must be longer than zero
            mj.events.heartbeat        | 0s                       | must be longer than zero
            mj.events.max-subscribers  | 0                        | must be at least 1
            mj.events.buffer           | 0                        | must be at least 1
            mj.events.replay           | -1                       | must be at least 0
            mj.events.writer-threads   | 0                        | must be at least 1
            mj.events.write-timeout    | 0s                       | must be longer than zero
            mj.cluster.lease-ttl       | 0s                       | must be longer than zero
            mj.cluster.lease-ttl       | 500ms                    | must be at least 1s
            mj.cluster.renew-interval  | -1s                      | must be longer than zero
            mj.cluster.renew-interval  | 8s                       | must be at most half of mj.cluster.lease-ttl
            mj.cluster.instance-id     | two words                | 1 to 64 letters, digits
            # durations that are no durations
            mj.notify.timeout          | ten seconds              | ten seconds
            mj.tasks.timeout-check     | 10 parsecs               | 10 parsecs
            # zero and negative sizes and counts
            mj.notify.attempts         | 0                        | must be at least 1
            mj.notify.max-answer-bytes | -1                       | must be at least 1
            mj.notify.max-queued-per-task | 1                     | must be at least 2
            mj.notify.max-queued       | 0                        | must be at least 1
            mj.limits.max-image-bytes  | 0                        | must be at least 1
            mj.limits.max-prompt-length | -5                      | must be at least 1
            mj.limits.max-images       | 0                        | must be at least 1
            mj.rate-limit.per-minute   | -1                       | must be 0 (off) or more
            mj.sandbox.port            | 70000                    | must be from 0 to 65535
            mj.sandbox.port            | -1                       | must be from 0 to 65535
            # numbers that are no numbers
            mj.notify.attempts         | five                     | five
            # unknown enum names
            mj.selection.strategy      | FASTEST                  | FASTEST
            # malformed or wrong-scheme URLs
            mj.discord.server          | discord.com              | must be an absolute http or https URL
            mj.discord.server          | http://bad host/         | must be an absolute http or https URL
            mj.discord.gateway         | https://gateway.discord.gg | must be an absolute ws or wss URL
            mj.discord.cdn             | ftp://cdn.example        | must be an absolute http or https URL
            mj.discord.upload          | /uploads                 | must be an absolute http or https URL
            mj.discord.inpaint         | //no-scheme.example      | must be an absolute http or https URL
            mj.midjourney.cdn          | cdn.midjourney.com       | must be an absolute http or https URL
            """)
    void aBadValueStopsStartUpNamingTheKeyAndTheReason(String key, String value, String reason) {
        runner.withPropertyValues(key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            String messages = messagesOf(context.getStartupFailure());
            assertThat(messages).contains(key).contains(reason);
        });
    }

    @Test
    void aMaximumDelayShorterThanTheFirstIsRefused() {
        runner.withPropertyValues("mj.notify.first-delay=5s", "mj.notify.max-delay=1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messagesOf(context.getStartupFailure()))
                    .contains("mj.notify.max-delay", "must not be shorter than mj.notify.first-delay");
        });
    }

    @Test
    void aBadGlobalHookIsNamedWithoutRepeatingItsUrl() {
        runner.withPropertyValues("mj.notify-hook=hooks.example.com/mj?token=hook-secret").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messagesOf(context.getStartupFailure()))
                    .contains("mj.notify-hook", "must be an absolute http or https URL")
                    .doesNotContain("hook-secret");
        });
    }

    /** The real application, as an operator starts it: the same refusal, before anything runs. */
    @Test
    void theApplicationDoesNotStartWithABadSetting() {
        assertThatThrownBy(() -> SpringApplication.run(MjBridgeApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:invalid-settings", "--mj.sandbox.enabled=true",
                "--mj.tasks.timeout-check=-10s"))
                .satisfies(failure -> assertThat(messagesOf(failure))
                        .contains("mj.tasks.timeout-check", "must be longer than zero"));
    }

    private static String messagesOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" / ", messages);
    }
}
