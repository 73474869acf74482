package dev.mjbridge.notify;

import dev.mjbridge.discord.Backoff;
import dev.mjbridge.config.MjProperties;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The package's components wire up in Spring from the properties and the application's mapper. */
class NotifyBeansTest {

    @Test
    void notifierAndPolicyAreComponents() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(NotifyProperties.class, NotifyProperties::defaults);
            context.registerBean(MjProperties.class,
                    () -> new MjProperties(null, null, "http://127.0.0.1:1/global", null, null, null, null));
            context.registerBean(ObjectMapper.class, () -> JsonMapper.builder().build());
            context.scan("dev.mjbridge.notify");
            context.refresh();

            assertThat(context.getBean(WebhookNotifier.class)).isNotNull();
            assertThat(context.getBeanProvider(OutboxStore.class).getIfAvailable())
                    .as("no webhook outbox without mj.cluster.enabled").isNull();
            assertThat(context.getBean(NotifyHookPolicy.class).refusalReason("http://169.254.169.254/")).isPresent();
        }
    }

    @Test
    void applicationYmlBindsToTheDocumentedDefaults() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        Binder binder = new Binder(ConfigurationPropertySources.from(yaml));

        NotifyProperties bound = binder.bindOrCreate("mj.notify", NotifyProperties.class);

        assertThat(bound).isEqualTo(NotifyProperties.defaults());
    }

    @Test
    void kebabCaseKeysBind() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "mj.notify.attempts", "3",
                "mj.notify.timeout", "2s",
                "mj.notify.first-delay", "2s",
                "mj.notify.max-delay", "5m",
                "mj.notify.allow-hosts", "Hooks.Example.com, *.corp.example",
                "mj.notify.refuse-private", "true",
                "mj.notify.max-answer-bytes", "1024")));

        NotifyProperties bound = binder.bind("mj.notify", NotifyProperties.class).get();

        assertThat(bound.attempts()).isEqualTo(3);
        assertThat(bound.timeout()).hasSeconds(2);
        assertThat(bound.maxDelay()).hasMinutes(5);
        assertThat(bound.retryBackoff()).isEqualTo(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5)));
        assertThat(bound.retryBackoff().delay(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(bound.retryBackoff().delay(20)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
        assertThat(bound.allowHosts()).containsExactly("hooks.example.com", "*.corp.example");
        assertThat(bound.refusePrivate()).isTrue();
        assertThat(bound.maxAnswerBytes()).isEqualTo(1024);
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        NotifyProperties defaults = NotifyProperties.defaults();

        assertThat(defaults.attempts()).isEqualTo(5);
        assertThat(defaults.timeout()).hasSeconds(10);
        assertThat(defaults.maxDelay()).hasSeconds(60);
        assertThat(defaults.maxAnswerBytes()).isEqualTo(65536);
        assertThat(defaults.refusePrivate()).isFalse();
        assertThat(defaults.allowHosts()).isEmpty();
    }
}
