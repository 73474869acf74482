package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who reaches the actuator on the application's port, and who is shown health details. */
class ActuatorSecretFilterTest {

    private static final String SECRET = "actuator-admin-secret";

    @Test
    void withoutAnAdminSecretTheMetricsAreOffButHealthAnswers() throws Exception {
        ActuatorSecretFilter filter = new ActuatorSecretFilter(AdminProperties.off());

        Outcome metrics = run(filter, "/actuator/prometheus", SECRET);
        Outcome health = run(filter, "/actuator/health/readiness", SECRET);

        assertThat(metrics.response().getStatus()).isEqualTo(403);
        assertThat(metrics.response().getContentAsString()).contains("mj.admin-secret").doesNotContain(SECRET);
        assertThat(metrics.passed()).isNull();
        assertThat(health.passed()).isNotNull();
        assertThat(health.passed().getUserPrincipal()).as("no admin without a configured secret").isNull();
    }

    @Test
    void theMetricsNeedTheRightAdminSecret() throws Exception {
        ActuatorSecretFilter filter = new ActuatorSecretFilter(new AdminProperties(SECRET));

        assertThat(run(filter, "/actuator/prometheus", null).response().getStatus()).isEqualTo(401);
        assertThat(run(filter, "/actuator/prometheus", "nope").response().getStatus()).isEqualTo(401);
        assertThat(run(filter, "/actuator/prometheus", SECRET).passed()).isNotNull();
    }

    @Test
    void healthShowsDetailsOnlyToTheAdmin() throws Exception {
        ActuatorSecretFilter filter = new ActuatorSecretFilter(new AdminProperties(SECRET));

        HttpServletRequest anonymous = run(filter, "/actuator/health", null).passed();
        HttpServletRequest wrong = run(filter, "/actuator/health/readiness", "nope").passed();
        HttpServletRequest admin = run(filter, "/actuator/health/readiness", SECRET).passed();

        assertThat(anonymous.getUserPrincipal()).isNull();
        assertThat(wrong.getUserPrincipal()).isNull();
        assertThat(admin.getUserPrincipal()).isNotNull();
        assertThat(admin.isUserInRole(ActuatorSecretFilter.ADMIN_ROLE)).isTrue();
        assertThat(admin.isUserInRole("ANYTHING_ELSE")).isFalse();
    }

    @Test
    void onlyTheActuatorIsGuarded() throws Exception {
        ActuatorSecretFilter filter = new ActuatorSecretFilter(AdminProperties.off());

        assertThat(run(filter, "/actuator", null).passed()).as("the links page, as before").isNotNull();
        assertThat(run(filter, "/mj/task/list", null).passed()).isNotNull();
    }

    private record Outcome(MockHttpServletResponse response, HttpServletRequest passed) {
    }

    private static Outcome run(ActuatorSecretFilter filter, String path, String adminSecret) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        if (adminSecret != null) {
            request.addHeader("mj-admin-secret", adminSecret);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response, (HttpServletRequest) chain.getRequest());
    }
}
