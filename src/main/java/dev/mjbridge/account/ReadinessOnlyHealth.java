package dev.mjbridge.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Keeps the {@code accounts} check out of {@code GET /actuator/health}, which answers as it did
 * before: it counts only in the readiness group. Otherwise a load balancer probing {@code /actuator/health} would
 * see 503 whenever no account is READY, and an orchestrator using it for liveness would restart an
 * instance that only waits for Discord.
 */
public final class ReadinessOnlyHealth implements HealthEndpointGroupsPostProcessor {

    static final Set<String> PROBE_ONLY = Set.of(AccountsHealthIndicator.NAME);

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        HealthEndpointGroup primary = groups.getPrimary();
        HealthEndpointGroup withoutProbes = new HealthEndpointGroup() {
            @Override
            public boolean isMember(String name) {
                return !PROBE_ONLY.contains(name) && primary.isMember(name);
            }

            @Override
            public boolean showComponents(SecurityContext context) {
                return primary.showComponents(context);
            }

            @Override
            public boolean showDetails(SecurityContext context) {
                return primary.showDetails(context);
            }

            @Override
            public StatusAggregator getStatusAggregator() {
                return primary.getStatusAggregator();
            }

            @Override
            public HttpCodeStatusMapper getHttpCodeStatusMapper() {
                return primary.getHttpCodeStatusMapper();
            }

            @Override
            public AdditionalHealthEndpointPath getAdditionalPath() {
                return primary.getAdditionalPath();
            }
        };
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        groups.getNames().forEach(name -> named.put(name, groups.get(name)));
        return HealthEndpointGroups.of(withoutProbes, named);
    }
}
