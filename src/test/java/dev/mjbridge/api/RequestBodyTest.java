package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;

/**
 * How request bodies are read whatever the client sends: any or no content type, an odd charset,
 * whitespace for nothing, and a body too large for any valid request, refused before it is read whole.
 */
class RequestBodyTest {

    private static final ApiProperties SMALL = new ApiProperties(null, List.of(),
            new ApiProperties.Limits(64, 100, 3));
    private final ApiFixture api = new ApiFixture(SMALL);

    @Test
    void noContentTypeAnotherTypeOrAWrongCharsetStillReadTheJson() throws Exception {
        api.mvc.perform(post("/mj/submit/imagine").content("{\"prompt\": \"cat\"}"))
                .andExpect(jsonPath("$.code").value(1));
        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content("{\"prompt\": \"cat\"}"))
                .andExpect(jsonPath("$.code").value(1));
        api.mvc.perform(post("/mj/submit/imagine").header(HttpHeaders.CONTENT_TYPE, "application/json; charset=latin1")
                        .content("{\"prompt\": \"gato \u732B\"}".getBytes(StandardCharsets.UTF_8)))
                .andExpect(jsonPath("$.code").value(1));
    }

    @Test
    void aBodyOfWhitespaceIsNoBody() throws Exception {
        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON).content(" \r\n\t"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("body: is required (a JSON object)"));
        verify(api.tasks, never()).submit(any(), any(), any());
    }

    @Test
    void listByConditionTakesABareArrayAndNullAsNoIds() throws Exception {
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content("null"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content("[1, \" \"]"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content("\"1,2\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value("ids: must be an array of strings"));
    }

    @Test
    void aBodyLargerThanAnyValidRequestIsCode4() throws Exception {
        long limit = JsonRequestConverter.maxBytes(SMALL.limits());
        String huge = "{\"prompt\": \"" + "a".repeat((int) limit) + "\"}";

        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("body: is larger than " + limit + " bytes"));
        api.mvc.perform(post("/mj/task/list-by-condition").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.description").value("body: is larger than " + limit + " bytes"));
        verify(api.tasks, never()).submit(any(), any(), any());
    }

    @Test
    void withoutAContentLengthReadingStopsOnceTheLimitIsPassed() {
        JsonRequestConverter converter = new JsonRequestConverter(1000);
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return ' ';
            }
        };
        HttpInputMessage chunked = message(endless, -1);

        assertThatThrownBy(() -> converter.read(ImagineRequest.class, chunked))
                .isInstanceOfSatisfying(RejectedRequest.class, rejected -> assertThat(rejected.response().description())
                        .isEqualTo("body: is larger than 1000 bytes"));
        assertThat(served.get()).as("bytes read of an endless body").isLessThanOrEqualTo(1001);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() {
        JsonRequestConverter converter = new JsonRequestConverter(1000);
        ByteArrayInputStream body = new ByteArrayInputStream("{\"prompt\": \"cat\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> converter.read(ImagineRequest.class, message(body, 5000)))
                .isInstanceOf(RejectedRequest.class);
        assertThat(body.available()).as("nothing was read").isEqualTo(17);
    }

    @Test
    void theLimitLeavesRoomForTheLargestValidRequest() {
        ApiProperties.Limits limits = ApiProperties.Limits.DEFAULTS;
        long oneImage = (limits.maxImageBytes() + 2) / 3 * 4;
        assertThat(JsonRequestConverter.maxBytes(limits)).isGreaterThan((limits.maxImages() + 1) * oneImage);
    }

    private static HttpInputMessage message(InputStream body, long contentLength) {
        HttpHeaders headers = new HttpHeaders();
        if (contentLength >= 0) {
            headers.setContentLength(contentLength);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
