package dev.mjbridge.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@link AdminOnly} controllers with {@code mj-admin-secret}. Without
 * {@code mj.admin-secret} configured they answer 403 (the admin API is off, never open);
 * a missing or wrong header answers 401.
 * <p>
 * An interceptor rather than a path filter: it sees the handler Spring actually chose,
 * so no spelling of the path (encoded, dotted, mode-prefixed) can reach an admin
 * endpoint unguarded, and it runs before the body is read.
 */
public class AdminSecretInterceptor implements HandlerInterceptor {

    static final String HEADER = "mj-admin-secret";
    static final String DISABLED = "admin API disabled: set mj.admin-secret";

    /** Whether a controller class is admin-only; looked up once per class, not once per request. */
    private static final ClassValue<Boolean> ADMIN_ONLY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return AnnotatedElementUtils.hasAnnotation(type, AdminOnly.class);
        }
    };

    private final SecretMatcher secret;

    public AdminSecretInterceptor(AdminProperties properties) {
        this.secret = properties.adminSecret() == null ? null : new SecretMatcher(properties.adminSecret());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method) || !ADMIN_ONLY.get(method.getBeanType())) {
            return true;
        }
        if (secret == null) {
            ErrorBodies.write(response, HttpServletResponse.SC_FORBIDDEN,
                    new ApiResponse(ResultCode.INVALID, DISABLED, null, Map.of()));
            return false;
        }
        if (!secret.matches(request.getHeader(HEADER))) {
            ErrorBodies.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    ApiResponse.invalid(HEADER, "missing or wrong"));
            return false;
        }
        return true;
    }
}
