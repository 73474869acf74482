package dev.mjbridge.api;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the actuator on the application's port with {@code mj-admin-secret}, as the admin API is
 * guarded (the MVC interceptor never sees actuator endpoints, so this is a filter):
 * <ul>
 * <li>{@code /actuator/health} and its groups stay open to every probe. A caller that gives the right
 *     admin secret is let in as the admin ({@link #ADMIN_ROLE}), whom the health endpoint shows its
 *     details (management.endpoint.health.roles); anyone else sees statuses only.</li>
 * <li>Every other endpoint ({@code /actuator/prometheus}) needs the admin secret: 401 when it is
 *     missing or wrong, 403 when none is configured (then scrape a separate
 *     {@code management.server.port} instead, which this filter does not reach).</li>
 * </ul>
 * The path checked is the servlet's decoded, normalised one, so no spelling of it slips past.
 */
@Component
public class ActuatorSecretFilter extends OncePerRequestFilter {

    /** The role the health endpoint shows details to (see application.yml). */
    public static final String ADMIN_ROLE = "MJ_ADMIN";
    static final String ACTUATOR = "/actuator";
    static final String DISABLED = "actuator endpoints other than health need mj.admin-secret "
            + "(or a separate management.server.port)";

    private static final Principal ADMIN = () -> "mj-admin";

    private final SecretMatcher secret;

    public ActuatorSecretFilter(AdminProperties properties) {
        this.secret = properties.adminSecret() == null ? null : new SecretMatcher(properties.adminSecret());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = normalisedPath(request);
        // The bare base path only lists the endpoints' links, as it always did.
        return !path.startsWith(ACTUATOR + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admin = secret != null && secret.matches(request.getHeader(AdminSecretInterceptor.HEADER));
        if (isHealth(normalisedPath(request))) {
            chain.doFilter(admin ? new AdminRequest(request) : request, response);
            return;
        }
        if (secret == null) {
            ErrorBodies.write(response, HttpServletResponse.SC_FORBIDDEN,
                    new ApiResponse(ResultCode.INVALID, DISABLED, null, Map.of()));
            return;
        }
        if (!admin) {
            ErrorBodies.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    ApiResponse.invalid(AdminSecretInterceptor.HEADER, "missing or wrong"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isHealth(String path) {
        return path.equals(ACTUATOR + "/health") || path.startsWith(ACTUATOR + "/health/");
    }

    private static String normalisedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    /** The request of a caller who proved to be the admin: the health endpoint then shows details. */
    private static final class AdminRequest extends HttpServletRequestWrapper {

        AdminRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return ADMIN;
        }

        @Override
        public boolean isUserInRole(String role) {
            return ADMIN_ROLE.equals(role);
        }
    }
}
