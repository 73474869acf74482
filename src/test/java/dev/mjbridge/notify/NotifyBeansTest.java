package dev.mjbridge.notify;

import dev.mjbridge.config.MjProperties;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The package's components wire up in Spring from the properties and the application's mapper. */
class NotifyBeansTest {

    @Test
    void notifierAndPolicyAreComponents() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(NotifyProperties.class, NotifyProperties::defaults);
            context.registerBean(MjProperties.class,
                    () -> new MjProperties(null, null, "http://127.0.0.1:1/global", null, null, null, null, null));
            context.registerBean(ObjectMapper.class, () -> JsonMapper.builder().build());
            context.scan("dev.mjbridge.notify");
            context.refresh();

            assertThat(context.getBean(WebhookNotifier.class)).isNotNull();
            assertThat(context.getBean(NotifyHookPolicy.class).refusalReason("http://169.254.169.254/")).isPresent();
        }
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
