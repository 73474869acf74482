package dev.mjbridge.task;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base URL ({@code scheme://host[:port][/context]}) of the HTTP request being answered on this
 * thread, as the client addressed this service: a stored picture's link is built on it when
 * {@code mj.images.public-base-url} is not set, so that it works from where the client is.
 */
final class RequestBase {

    private RequestBase() {
    }

    /** Null off a request thread (restart recovery, tests). */
    static String current() {
        if (RequestContextHolder.getRequestAttributes() == null) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
