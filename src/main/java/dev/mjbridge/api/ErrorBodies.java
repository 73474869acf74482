package dev.mjbridge.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an envelope straight to the servlet response, for refusals made before a
 * controller runs (filters, interceptors), where no message converter is at hand.
 */
final class ErrorBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBodies() {
    }

    static void write(HttpServletResponse response, int status, ApiResponse body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
