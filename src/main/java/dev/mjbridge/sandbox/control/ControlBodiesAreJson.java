package dev.mjbridge.sandbox.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Every control API body is JSON, whatever the request claims. {@code curl -d '{...}'}
 * without a Content-Type header sends {@code application/x-www-form-urlencoded}, and the
 * servlet stack would then hand the controller a form-encoded copy of the JSON instead of
 * the JSON. Runs before the form filters so that nothing parses the body as a form first.
 */
@Configuration(proxyBeanMethods = false)
public class ControlBodiesAreJson {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> controlBodiesAreJsonFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(isFormOrUntyped(request.getContentType()) ? new JsonTyped(request) : request, response);
            }
        });
        registration.addUrlPatterns("/sandbox", "/sandbox/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("controlBodiesAreJson");
        return registration;
    }

    private static boolean isFormOrUntyped(String contentType) {
        return contentType == null
                || contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static final class JsonTyped extends HttpServletRequestWrapper {

        JsonTyped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return isContentType(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContentType(name) ? Collections.enumeration(List.of(getContentType())) : super.getHeaders(name);
        }

        private static boolean isContentType(String name) {
            return "content-type".equalsIgnoreCase(name);
        }
    }
}
