package dev.mjbridge.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint on one account ({@code {id}} in its path), or on one task whose account does the
 * work ({@link #byTask}), that only the instance holding the account can carry out: in a cluster,
 * {@link OwnerForwarding} sends it to that instance.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface OwnerAnswers {

    /** The longest wait for the owner's answer. */
    int timeoutSeconds() default 10;

    /**
     * The {@code {id}} in the path is a task's: the call goes to the instance holding the account of the
     * task, when this instance does not follow the task itself.
     */
    boolean byTask() default false;
}
