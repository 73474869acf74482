package dev.mjbridge.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The checks of a request record that Bean Validation's own constraints cannot say: ones that look
 * at two fields (exactly one of {@code base64} and {@code link}) and ones whose reason echoes what was
 * sent. The record lists its problems ({@link Checked#problems()}); each becomes a violation on its field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RequestRules.Check.class)
@interface RequestRules {

    String message() default "breaks a rule";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A record with rules of its own. */
    interface Checked {
        /** What is wrong, in the order a client should hear it; empty when nothing is. */
        List<Problem> problems();
    }

    /** {@code field: reason}, as the answer's description reads. */
    record Problem(String field, String reason) {
    }

    final class Check implements ConstraintValidator<RequestRules, Checked> {
        @Override
        public boolean isValid(Checked request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            List<Problem> problems = request.problems();
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Problem problem : problems) {
                context.buildConstraintViolationWithTemplate(literal(problem.reason()))
                        .addPropertyNode(problem.field())
                        .addConstraintViolation();
            }
            return false;
        }

        /** The reason may echo client text: escape what a message template would interpret. */
        private static String literal(String reason) {
            return reason.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
