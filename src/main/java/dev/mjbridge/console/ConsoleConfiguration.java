package dev.mjbridge.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the admin console: static files under {@code classpath:/static/console/} (Spring Boot's
 * static resource handling), {@code /console} redirected to {@code /console/} so the page's relative
 * links resolve under it, and {@code /console/} answering its {@code index.html}. The console holds
 * no secret itself: it asks for the admin secret and calls the REST API with it, like any client.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

    static final String ROOT = "/console";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController(ROOT, ROOT + "/");
        registry.addViewController(ROOT + "/").setViewName("forward:" + ROOT + "/index.html");
    }

    @Bean
    FilterRegistrationBean<ConsoleHeadersFilter> consoleHeaders() {
        FilterRegistrationBean<ConsoleHeadersFilter> registration = new FilterRegistrationBean<>(new ConsoleHeadersFilter());
        registration.addUrlPatterns(ROOT, ROOT + "/*");
        return registration;
    }
}
