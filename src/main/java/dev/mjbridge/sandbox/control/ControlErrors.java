package dev.mjbridge.sandbox.control;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/**
 * Errors of the control API as {@code {"error": "..."}}: 400 for bad input, 404 for an
 * unknown user or scenario, 500 (message only; the stack trace goes to the log) for bugs.
 * Scoped to this package so that the simulated Discord keeps Discord's error shapes.
 */
@RestControllerAdvice(basePackageClasses = ControlErrors.class)
public class ControlErrors {

    private static final Logger log = LoggerFactory.getLogger(ControlErrors.class);

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badInput(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class})
    public ResponseEntity<Map<String, String>> badRequestShape(Exception e) {
        String message = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() + " has the wrong type: " + mismatch.getValue()
                : e instanceof HttpMessageNotReadableException ? "the request body cannot be read" : e.getMessage();
        return error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(UnknownControlTarget.class)
    public ResponseEntity<Map<String, String>> unknown(UnknownControlTarget e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, String>> bug(Exception e) {
        log.warn("sandbox control API failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error in the sandbox control API: "
                + e.getClass().getSimpleName() + " (details in the sandbox log)");
    }

    static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}
