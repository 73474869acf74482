package dev.mjbridge.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.mjbridge.images.ImageProperties;

/**
 * With {@code mj.api-secret} set, {@code /mj/**} and the mode-prefixed paths need the
 * {@code mj-api-secret} header. The comparison takes the same time whatever the header
 * holds: both sides are hashed first, so neither content nor length leaks through timing.
 * <p>
 * The path checked is the servlet's decoded, normalised one, so {@code /%6Dj/...} or
 * {@code /x/../mj/...} cannot slip past while Spring still routes them to the API.
 * <p>
 * Stored images ({@code /mj/image/{taskId}/{file}}) are public unless {@code mj.images.require-secret}
 * is set: they are embedded in pages and chats that cannot send a header. The exception holds only
 * when both the normalised path and the raw URI are exactly an image path, so no dot segment or
 * path parameter can borrow it for another endpoint.
 */
@Component
public class ApiSecretFilter extends OncePerRequestFilter {

    static final String HEADER = "mj-api-secret";
    private static final byte[] UNAUTHORIZED_BODY = ("{\"code\":" + ResultCode.INVALID
            + ",\"description\":\"" + HEADER + ": missing or wrong\",\"result\":null,\"properties\":{}}")
            .getBytes(StandardCharsets.UTF_8);

    private static final Pattern IMAGE_PATH = Pattern.compile("/mj(-(fast|relax|turbo)/mj)?/image/[^/;]+/[^/;]+");

    private final SecretMatcher secret;
    private final boolean imagesArePublic;

    /** Images public, as by default. */
    public ApiSecretFilter(ApiProperties properties) {
        this(properties, ImageProperties.defaults());
    }

    @Autowired
    public ApiSecretFilter(ApiProperties properties, ImageProperties images) {
        this.secret = properties.apiSecret() == null ? null : new SecretMatcher(properties.apiSecret());
        this.imagesArePublic = !images.requireSecret();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // CORS preflights carry no custom headers by design.
        return secret == null || "OPTIONS".equals(request.getMethod()) || !isApiPath(request)
                || (imagesArePublic && isImagePath(request));
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
        // "/mj" also covers "/mj-fast/...": guarding a little too much is the safe side.
        return normalisedPath(request).startsWith(ApiPaths.ROOT);
    }

    private static boolean isImagePath(HttpServletRequest request) {
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        String raw = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return IMAGE_PATH.matcher(normalisedPath(request)).matches() && IMAGE_PATH.matcher(raw).matches();
    }

    private static String normalisedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }
}
