package dev.mjbridge.api;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request with no body, or only whitespace, where the endpoint needs one answers
 * {@code body: is required (a JSON object)} (code 4) as it always has, rather than Spring's generic
 * "Required request body is missing". Endpoints whose body is optional ({@code required = false})
 * get {@code null}.
 */
@ControllerAdvice(basePackageClasses = MissingBodyAdvice.class)
public class MissingBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return converterType == JsonRequestConverter.class;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        return requireIfNeeded(body, parameter);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        return requireIfNeeded(body, parameter);
    }

    private static Object requireIfNeeded(Object body, MethodParameter parameter) {
        RequestBody annotation = parameter.getParameterAnnotation(RequestBody.class);
        if (body == null && (annotation == null || annotation.required())) {
            throw RejectedRequest.invalid("body", "is required (a JSON object)");
        }
        return body;
    }
}
