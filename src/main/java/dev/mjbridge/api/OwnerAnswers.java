package dev.mjbridge.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an admin endpoint on one account ({@code {id}} in its path) that only the instance holding the
 * account can carry out: in a cluster, {@link OwnerForwarding} sends it to that instance.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface OwnerAnswers {

    /** The longest wait for the owner's answer. */
    int timeoutSeconds() default 10;
}
