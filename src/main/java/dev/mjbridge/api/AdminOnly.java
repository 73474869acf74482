package dev.mjbridge.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose endpoints change the service (not just read it): they need the
 * {@code mj-admin-secret} header, checked by {@link AdminSecretInterceptor}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface AdminOnly {
}
