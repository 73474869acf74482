package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.ImageProperties;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.images.LocalImageStore;

/** GET/HEAD /mj/image/{taskId}/{file} over a real local store, wired as the context wires it. */
class ImageEndpointTest {

    private static final String TASK = "1732800000000001";
    private static final String PATH = "/mj/image/" + TASK + "/0_0.png";
    private static final String SECRET = "s3cr3t-value";
    /** The content of a file beside the store, which no request may read. */
    private static final String OUTSIDE = "outside-the-store";

    @TempDir
    Path dir;

    private LocalImageStore store;
    private byte[] content;
    private ImageInfo stored;

    @BeforeEach
    void storeOnePicture() throws Exception {
        store = new LocalImageStore(dir.resolve("store"), 1 << 20);
        java.nio.file.Files.writeString(dir.resolve("secret.png"), OUTSIDE);
        content = new byte[1000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        stored = store.put(new ImageKey(TASK, "0_0.png"), new ByteArrayInputStream(content));
    }

    private MockMvc mvc(Optional<ImageStore> images, ApiProperties api, ImageProperties settings) {
        return MockMvcBuilders.standaloneSetup(new ImageController(images))
                .setControllerAdvice(new ApiExceptionHandler(), new UnmappedRequestHandler())
                .addFilters(new ApiSecretFilter(api, settings))
                .build();
    }

    private MockMvc open() {
        return mvc(Optional.of(store), ApiProperties.open(), ImageProperties.defaults());
    }

    private static ImageProperties requiringSecret() {
        return new ImageProperties(null, null, null, null, true, null, null, null, null, null);
    }

    @Test
    void aStoredFileIsServedWithEveryHeader() throws Exception {
        MvcResult result = open().perform(get(PATH))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png"))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, 1000))
                .andExpect(header().string(HttpHeaders.ETAG, stored.etag()))
                .andExpect(header().string(HttpHeaders.LAST_MODIFIED, httpDate(stored.lastModified())))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable"))
                .andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_RANGE))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(content);
        assertThat(stored.etag()).matches("\"[0-9a-f]{64}\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mj-fast/mj/image/", "/mj-relax/mj/image/", "/mj-turbo/mj/image/"})
    void itIsServedUnderTheModePrefixesToo(String prefix) throws Exception {
        open().perform(get(prefix + TASK + "/0_0.png"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(content));
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        MvcResult result = open().perform(head(PATH))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png"))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, 1000))
                .andExpect(header().string(HttpHeaders.ETAG, stored.etag()))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "W/%s", "\"other\", %s", "*"})
    void aMatchingIfNoneMatchIs304WithoutABody(String ifNoneMatch) throws Exception {
        MvcResult result = open().perform(get(PATH).header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch.formatted(stored.etag())))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, stored.etag()))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable"))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void anotherTagIsAnsweredInFull() throws Exception {
        open().perform(get(PATH).header(HttpHeaders.IF_NONE_MATCH, "\"0000\""))
                .andExpect(status().isOk())
                .andExpect(content().bytes(content));
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatch() throws Exception {
        String later = httpDate(stored.lastModified().plusSeconds(60));
        String earlier = httpDate(stored.lastModified().minusSeconds(60));
        open().perform(get(PATH).header(HttpHeaders.IF_MODIFIED_SINCE, later)).andExpect(status().isNotModified());
        open().perform(get(PATH).header(HttpHeaders.IF_MODIFIED_SINCE, earlier)).andExpect(status().isOk());
        open().perform(get(PATH).header(HttpHeaders.IF_MODIFIED_SINCE, later).header(HttpHeaders.IF_NONE_MATCH, "\"x\""))
                .andExpect(status().isOk());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bytes=0-99, 0, 99", "bytes=900-, 900, 999", "bytes=-100, 900, 999", "bytes=990-5000, 990, 999",
            "bytes=-5000, 0, 999", "bytes=10-10, 10, 10"})
    void aSingleRangeIs206WithContentRange(String range, int first, int last) throws Exception {
        MvcResult result = open().perform(get(PATH).header(HttpHeaders.RANGE, range))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/1000"))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, last - first + 1))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png"))
                .andExpect(header().string(HttpHeaders.ETAG, stored.etag()))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, first, last + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void anUnsatisfiableRangeIs416WithTheSize(String range) throws Exception {
        MvcResult result = open().perform(get(PATH).header(HttpHeaders.RANGE, range))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes */1000"))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-9", "bytes=9-1", "items=0-9", "bytes=abc", "bytes=-"})
    void severalOrMalformedRangesGetTheWholeFile(String range) throws Exception {
        open().perform(get(PATH).header(HttpHeaders.RANGE, range))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_RANGE))
                .andExpect(content().bytes(content));
    }

    @Test
    void aRangeForAnOlderVersionGetsTheWholeFile() throws Exception {
        open().perform(get(PATH).header(HttpHeaders.RANGE, "bytes=0-9").header(HttpHeaders.IF_RANGE, "\"old\""))
                .andExpect(status().isOk())
                .andExpect(content().bytes(content));
        open().perform(get(PATH).header(HttpHeaders.RANGE, "bytes=0-9").header(HttpHeaders.IF_RANGE, stored.etag()))
                .andExpect(status().isPartialContent());
    }

    @Test
    void headWithARangeAnswersThePartsHeaders() throws Exception {
        MvcResult result = open().perform(head(PATH).header(HttpHeaders.RANGE, "bytes=0-9"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 0-9/1000"))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, 10))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/mj/image/" + TASK + "/1_0.png", "/mj/image/999/0_0.png"})
    void anUnknownFileIs404WithTheEnvelope(String path) throws Exception {
        open().perform(get(path))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value(ResultCode.NOT_FOUND))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.startsWith("Image not found: ")))
                .andExpect(jsonPath("$.result").doesNotExist());
    }

    @Test
    void otherExtensionsGetTheirContentType() throws Exception {
        store.put(new ImageKey(TASK, "clip.mp4"), new ByteArrayInputStream(new byte[] {1, 2}));
        store.put(new ImageKey(TASK, "grid.webp"), new ByteArrayInputStream(new byte[] {1, 2}));
        open().perform(get("/mj/image/" + TASK + "/clip.mp4"))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "video/mp4"));
        open().perform(get("/mj/image/" + TASK + "/grid.webp"))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/webp"));
    }

    /** Path variables arrive decoded (a '/' in one makes another path, see the next test): each of these reaches the key check, which refuses it. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1732800000000001 | ..                    | file
            1732800000000001 | %2e%2e                | file
            1732800000000001 | ..\\0_0.png           | file
            1732800000000001 | C:0_0.png             | file
            1732800000000001 | 0_0.png.sha256        | file
            1732800000000001 | 0_0.png%00.txt        | file
            ..               | 0_0.png               | taskId
            1732800000000001abc | 0_0.png            | taskId
            """)
    void aKeyOutsideThePatternsIs400NamingTheField(String taskId, String file, String field) throws Exception {
        String decodedFile = file.replace("%00", "\u0000");
        open().perform(get("/mj/image/{taskId}/{file}", taskId, decodedFile))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(ResultCode.INVALID))
                .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.startsWith(field + ": ")));
    }

    @Test
    void dotSegmentsInTheRawPathNeverReachAFileOutsideTheStore() throws Exception {
        for (String path : List.of("/mj/image/" + TASK + "/%2e%2e%2f%2e%2e%2fsecret.png",
                "/mj/image/%2e%2e/0_0.png", "/mj/image/" + TASK + "/..%5c0_0.png",
                "/mj/image/" + TASK + "/..%2F..%2Fsecret.png", "/mj/image/" + TASK + "/../../secret.png",
                "/mj/image/" + TASK + "//etc/passwd", "/mj/image/" + TASK + "/%2Fetc%2Fpasswd")) {
            MvcResult result = open().perform(get(path)).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isIn(400, 404);
            assertThat(result.getResponse().getContentAsString()).as(path).doesNotContain(OUTSIDE);
        }
    }

    @Test
    void withStoreNoneEverythingIs404() throws Exception {
        MockMvc none = mvc(Optional.empty(), ApiProperties.open(), ImageProperties.defaults());
        none.perform(get(PATH)).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value(ResultCode.NOT_FOUND));
        none.perform(get("/mj/image/{t}/{f}", "..", "x")).andExpect(status().isNotFound());
        none.perform(head(PATH)).andExpect(status().isNotFound());
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        open().perform(post(PATH)).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void imagesArePublicByDefaultEvenWithAnApiSecret() throws Exception {
        MockMvc mvc = mvc(Optional.of(store), withSecret(), ImageProperties.defaults());
        mvc.perform(get(PATH)).andExpect(status().isOk()).andExpect(content().bytes(content));
        mvc.perform(get("/mj-fast/mj/image/" + TASK + "/0_0.png")).andExpect(status().isOk());
    }

    @Test
    void withRequireSecretTheHeaderIsNeeded() throws Exception {
        MockMvc mvc = mvc(Optional.of(store), withSecret(), requiringSecret());
        mvc.perform(get(PATH)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value(4));
        mvc.perform(get(PATH).header(ApiSecretFilter.HEADER, "wrong")).andExpect(status().isUnauthorized());
        mvc.perform(get(PATH).header(ApiSecretFilter.HEADER, SECRET)).andExpect(status().isOk());
    }

    @Test
    void requireSecretWithoutAnApiSecretChangesNothing() throws Exception {
        mvc(Optional.of(store), ApiProperties.open(), requiringSecret()).perform(get(PATH)).andExpect(status().isOk());
    }

    private static ApiProperties withSecret() {
        return new ApiProperties(SECRET, List.of(), ApiProperties.Limits.DEFAULTS);
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(instant);
    }
}
