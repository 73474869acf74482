package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.cdn.MidjourneyFiles;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code GET /sandbox}: where everything is and which control endpoints exist; {@code POST /sandbox/reset}. */
@RestController
@RequestMapping("/sandbox")
public class OverviewController {

    public record Overview(String about, String restBase, String restV9, String restV10, String gateway, String control,
                           String midjourneyCdn, boolean strict, long fastJobMs, long fastVideoMs,
                           long linkLifetimeSeconds, List<String> bots, boolean botPaused,
                           int restRateLimit, int knownUsers,
                           int liveGatewaySessions, int armedScenarios, List<String> endpoints) {
    }

    private final SandboxControl control;
    private final SandboxUrls urls;
    private final SandboxSettings settings;
    private final ApplicationContext context;

    public OverviewController(SandboxControl control, SandboxUrls urls, SandboxSettings settings,
                              ApplicationContext context) {
        this.control = control;
        this.urls = urls;
        this.settings = settings;
        this.context = context;
    }

    @GetMapping
    public Overview overview() {
        return new Overview(
                "mj-bridge sandbox: a simulated Discord with a simulated Midjourney bot. A test double:"
                        + " this control API has no authentication; never expose it beyond your machine or CI.",
                urls.http(), urls.http() + "/api/v9", urls.http() + "/api/v10", urls.gateway(), urls.http() + "/sandbox",
                urls.http() + MidjourneyFiles.BASE_PATH,
                settings.strict(), control.fastJobDuration().toMillis(), control.fastVideoDuration().toMillis(),
                control.cdnLinkLifetime().toSeconds(),
                settings.bots().stream().sorted().toList(), control.botPaused(), control.restRateLimit(),
                control.users().size(), control.liveGatewaySessions(null), control.armedScenarios().size(),
                endpoints());
    }

    @PostMapping("/reset")
    public Map<String, Boolean> reset() {
        control.reset();
        return Map.of("reset", true);
    }

    /** Read from the MVC mappings, so the list cannot drift from the code. */
    private List<String> endpoints() {
        TreeSet<String> found = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/sandbox"))
                        .forEach(pattern -> info.getMethodsCondition().getMethods()
                                .forEach(method -> found.add(pattern + " " + method)))));
        return found.stream().map(entry -> {
            int space = entry.lastIndexOf(' ');
            return entry.substring(space + 1) + " " + entry.substring(0, space);
        }).toList();
    }
}
