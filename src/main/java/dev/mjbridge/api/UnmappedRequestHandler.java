package dev.mjbridge.api;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no handler takes (unknown path, wrong method) never reach the API's controllers,
 * so {@link ApiExceptionHandler} cannot see them; this advice answers them with a clean
 * JSON envelope instead of an HTML page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnmappedRequestHandler {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    public ResponseEntity<ApiResponse> notFound(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiResponse.invalid("path",
                "no endpoint " + request.getMethod() + " " + ClientText.quote(request.getRequestURI())));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> supported = e.getSupportedHttpMethods();
        String allowed = supported == null || supported.isEmpty() ? "another method"
                : supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (supported != null && !supported.isEmpty()) {
            answer.allow(supported.toArray(new HttpMethod[0]));
        }
        return answer.body(ApiResponse.invalid("method", e.getMethod() + " is not supported here; use " + allowed));
    }
}
