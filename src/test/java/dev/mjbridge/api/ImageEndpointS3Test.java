package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.ImageProperties;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.images.S3ImageProperties;
import dev.mjbridge.images.S3ImageStore;
import dev.mjbridge.testing.S3MockServer;

/**
 * GET/HEAD /mj/image/{taskId}/{file} over the S3 store on a real S3-compatible server: streamed
 * with the same headers, conditional and range answers as local files, or, with presign, a
 * redirect that a plain HTTP client follows to the bytes.
 */
class ImageEndpointS3Test {

    private static final String TASK = "1732800000000777";
    private static final String PATH = "/mj/image/" + TASK + "/0_0.png";

    private final String prefix = "endpoint-test-" + System.nanoTime() + "/";
    private S3ImageStore streaming;
    private S3ImageStore presigning;
    private byte[] content;
    private ImageInfo stored;

    @BeforeEach
    void storeOnePicture() throws Exception {
        String endpoint = S3MockServer.shared().endpoint();
        streaming = S3ImageStore.connect(settings(endpoint, false, null), 1 << 20);
        presigning = S3ImageStore.connect(settings(endpoint, true, Duration.ofHours(1)), 1 << 20);
        content = new byte[100_000];
        new Random(3).nextBytes(content);
        stored = streaming.put(new ImageKey(TASK, "0_0.png"), new ByteArrayInputStream(content));
    }

    @AfterEach
    void closeStores() {
        streaming.close();
        presigning.close();
    }

    private S3ImageProperties settings(String endpoint, boolean presign, Duration ttl) {
        return new S3ImageProperties(S3MockServer.BUCKET, prefix, null, endpoint, true, S3MockServer.ACCESS_KEY,
                S3MockServer.SECRET_KEY, null, presign, ttl);
    }

    private static MockMvc mvc(ImageStore store) {
        return MockMvcBuilders.standaloneSetup(new ImageController(Optional.of(store)))
                .setControllerAdvice(new ApiExceptionHandler(), new UnmappedRequestHandler())
                .addFilters(new ApiSecretFilter(ApiProperties.open(), ImageProperties.defaults()))
                .build();
    }

    @Test
    void anObjectIsStreamedWithEveryHeader() throws Exception {
        MvcResult result = mvc(streaming).perform(get(PATH))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png"))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, content.length))
                .andExpect(header().string(HttpHeaders.ETAG, stored.etag()))
                .andExpect(header().string(HttpHeaders.LAST_MODIFIED, httpDate(stored.lastModified())))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable"))
                .andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(content);
        assertThat(stored.etag()).matches("\"[0-9a-f]{64}\"");
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        MvcResult result = mvc(streaming).perform(head(PATH))
                .andExpect(status().isOk())
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, content.length))
                .andExpect(header().string(HttpHeaders.ETAG, stored.etag()))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void aMatchingTagOrDateIs304() throws Exception {
        MvcResult result = mvc(streaming).perform(get(PATH).header(HttpHeaders.IF_NONE_MATCH, stored.etag()))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, stored.etag()))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
        mvc(streaming).perform(get(PATH).header(HttpHeaders.IF_MODIFIED_SINCE, httpDate(stored.lastModified())))
                .andExpect(status().isNotModified());
        mvc(streaming).perform(get(PATH).header(HttpHeaders.IF_NONE_MATCH, "\"other\""))
                .andExpect(status().isOk());
    }

    @Test
    void aRangeIs206WithOnlyThoseBytes() throws Exception {
        MvcResult result = mvc(streaming).perform(get(PATH).header(HttpHeaders.RANGE, "bytes=65000-70999"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 65000-70999/" + content.length))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, 6000))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, 65_000, 71_000));
        MvcResult tail = mvc(streaming).perform(get(PATH).header(HttpHeaders.RANGE, "bytes=-10"))
                .andExpect(status().isPartialContent()).andReturn();
        assertThat(tail.getResponse().getContentAsByteArray())
                .isEqualTo(Arrays.copyOfRange(content, content.length - 10, content.length));
        mvc(streaming).perform(get(PATH).header(HttpHeaders.RANGE, "bytes=100000-"))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes */" + content.length));
    }

    @Test
    void aMissingObjectIs404WithTheEnvelopeEitherWay() throws Exception {
        for (ImageStore store : new ImageStore[] {streaming, presigning}) {
            mvc(store).perform(get("/mj/image/" + TASK + "/9_9.png"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value(ResultCode.NOT_FOUND))
                    .andExpect(jsonPath("$.description").value("Image not found: " + TASK + "/9_9.png"));
        }
    }

    @Test
    void withPresignTheClientIsRedirectedToALinkThatGivesTheBytes() throws Exception {
        MvcResult result = mvc(presigning).perform(get("/mj-fast" + PATH))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "private, max-age=3300"))
                .andExpect(header().doesNotExist(HttpHeaders.ETAG))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
        URI location = URI.create(result.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(location.toString()).startsWith(S3MockServer.shared().endpoint() + "/" + S3MockServer.BUCKET
                + "/" + prefix + TASK + "/0_0.png?").contains("X-Amz-Signature=");

        HttpResponse<byte[]> followed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).isEqualTo(content);
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(instant);
    }
}
