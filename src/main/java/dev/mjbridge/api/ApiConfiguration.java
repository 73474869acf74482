package dev.mjbridge.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the REST layer's settings and the admin secret check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, AdminProperties.class, RateLimitProperties.class})
public class ApiConfiguration implements WebMvcConfigurer {

    private final AdminProperties admin;

    ApiConfiguration(AdminProperties admin) {
        this.admin = admin;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminSecretInterceptor(admin));
    }
}
