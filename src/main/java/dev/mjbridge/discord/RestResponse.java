package dev.mjbridge.discord;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** What Discord answered to one REST request: status, headers and the body as text. */
public record RestResponse(int status, HttpHeaders headers, String body) {

    static RestResponse of(HttpResponse<String> response) {
        return new RestResponse(response.statusCode(), response.headers(), response.body());
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
