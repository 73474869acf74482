package dev.mjbridge.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mjbridge.images.ImageProperties;

/**
 * Registers the REST layer's settings and the admin secret check. {@link ImageProperties} is bound
 * here too because the api secret filter reads {@code mj.images.require-secret}; the image store
 * itself comes from the images package (none in a context without it: the endpoint then answers 404).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, AdminProperties.class, RateLimitProperties.class,
        ImageProperties.class, EventsProperties.class})
public class ApiConfiguration implements WebMvcConfigurer {

    private final AdminProperties admin;
    private final ApiProperties api;

    ApiConfiguration(AdminProperties admin, ApiProperties api) {
        this.admin = admin;
        this.api = api;
    }

    /** Ahead of Spring's own converters, so the request records are read whatever their content type. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new JsonRequestConverter(JsonRequestConverter.maxBytes(api.limits())));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminSecretInterceptor(admin));
    }
}
