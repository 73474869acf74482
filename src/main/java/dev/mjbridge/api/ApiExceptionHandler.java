package dev.mjbridge.api;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure of the API's own handlers becomes an envelope: submits always answer
 * HTTP 200 (clients read {@code code}), other endpoints use 400 for bad input and 500 for
 * faults. Nothing internal reaches the client: unexpected exceptions are logged here and
 * answered with a generic code 9.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RejectedRequest.class)
    public ResponseEntity<ApiResponse> rejected(RejectedRequest rejection, HttpServletRequest request) {
        return answer(rejection.response(), request);
    }

    /**
     * A request record broke a Bean Validation constraint. One problem is told, as clients have always
     * been told: the first by the record's field order, so the same body always gets the same answer.
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ApiResponse> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<String> order = RequestJson.components(e.getParameter().getParameterType());
        Comparator<FieldError> byFieldOrder = Comparator.comparingInt(error -> {
            String top = error.getField().split("[.\\[]", 2)[0];
            int at = order.indexOf(top);
            return at < 0 ? order.size() : at;
        });
        ApiResponse answer = e.getBindingResult().getFieldErrors().stream()
                .min(byFieldOrder.thenComparing(FieldError::getField))
                .map(error -> ApiResponse.invalid(error.getField(), String.valueOf(error.getDefaultMessage())))
                .orElseGet(() -> ApiResponse.invalid("body", "is not valid"));
        return answer(answer, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiResponse> typeMismatch(MethodArgumentTypeMismatchException e,
                                                    HttpServletRequest request) {
        return answer(ApiResponse.invalid(e.getName(), "must be a whole number"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ApiResponse> missingParameter(MissingServletRequestParameterException e,
                                                        HttpServletRequest request) {
        return answer(ApiResponse.invalid(e.getParameterName(), "is required"), request);
    }

    /** The body could not be read at all (the connection broke, or it was cut short). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiResponse> unreadable(HttpServletRequest request) {
        return answer(ApiResponse.invalid("body", "could not be read"), request);
    }

    /** The client refuses JSON: nothing we could write would be accepted. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    /** Only reached if the container's async timeout is shorter than the handler's own. */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    public ResponseEntity<ApiResponse> timeout() {
        return ResponseEntity.ok(ApiResponse.failure("Discord did not answer in time; try again later"));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiResponse> unexpected(Exception e, HttpServletRequest request) {
        // Spring's own request errors (unsupported media type, missing path variable, ...) carry their status.
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            String detail = spring.getBody().getDetail();
            return withStatus(spring.getStatusCode(), request,
                    ApiResponse.invalid("request", detail == null ? "is not acceptable" : detail));
        }
        // Request path and exception only: bodies and headers may hold secrets or images.
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        ApiResponse failure = ApiResponse.failure("Internal error; the server log has the details");
        return withStatus(HttpStatus.INTERNAL_SERVER_ERROR, request, failure);
    }

    /** Code 4 on a non-submit endpoint is a 400; everything else a submit can say is a 200. */
    private static ResponseEntity<ApiResponse> answer(ApiResponse response, HttpServletRequest request) {
        HttpStatus status = response.code() == ResultCode.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return withStatus(status, request, response);
    }

    private static ResponseEntity<ApiResponse> withStatus(HttpStatusCode status, HttpServletRequest request,
                                                          ApiResponse response) {
        HttpStatusCode effective = ApiPaths.isSubmit(request.getRequestURI()) ? HttpStatus.OK : status;
        return ResponseEntity.status(effective).body(response);
    }
}
