package dev.mjbridge.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code mj.api-secret} set, {@code /mj/**} and the mode-prefixed paths need the
 * {@code mj-api-secret} header. The comparison takes the same time whatever the header
 * holds: both sides are hashed first, so neither content nor length leaks through timing.
 * <p>
 * The path checked is the servlet's decoded, normalised one, so {@code /%6Dj/...} or
 * {@code /x/../mj/...} cannot slip past while Spring still routes them to the API.
 */
@Component
public class ApiSecretFilter extends OncePerRequestFilter {

    static final String HEADER = "mj-api-secret";
    private static final byte[] UNAUTHORIZED_BODY = ("{\"code\":" + ResultCode.INVALID
            + ",\"description\":\"" + HEADER + ": missing or wrong\",\"result\":null,\"properties\":{}}")
            .getBytes(StandardCharsets.UTF_8);

    private final SecretMatcher secret;

    public ApiSecretFilter(ApiProperties properties) {
        this.secret = properties.apiSecret() == null ? null : new SecretMatcher(properties.apiSecret());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // CORS preflights carry no custom headers by design.
        return secret == null || "OPTIONS".equals(request.getMethod()) || !isApiPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (secret.matches(request.getHeader(HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(UNAUTHORIZED_BODY.length);
        response.getOutputStream().write(UNAUTHORIZED_BODY);
    }

    private static boolean isApiPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        // "/mj" also covers "/mj-fast/...": guarding a little too much is the safe side.
        return (servletPath + pathInfo).startsWith(ApiPaths.ROOT);
    }
}
