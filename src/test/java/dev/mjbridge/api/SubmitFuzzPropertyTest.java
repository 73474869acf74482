package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import dev.mjbridge.task.ModalResult;
import dev.mjbridge.task.Task;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever body a client sends to a submit, the answer is HTTP 200 with a JSON envelope
 * carrying a known code, and never a stack trace. Bodies are random JSON built from the
 * submits' own field names (so validation paths are reached) and random bytes.
 */
class SubmitFuzzPropertyTest {

    private static final List<String> ENDPOINTS = List.of(
            "/mj/submit/imagine", "/mj/submit/action", "/mj/submit/modal", "/mj/submit/blend",
            "/mj/submit/describe", "/mj/submit/shorten", "/mj/submit/change", "/mj/submit/simple-change",
            "/mj/submit/upload-discord-images", "/mj-fast/mj/submit/imagine", "/mj-relax/mj/submit/action",
            "/mj/submit/video", "/mj-turbo/mj/submit/video");
    private static final List<String> FIELDS = List.of(
            "prompt", "base64Array", "botType", "notifyHook", "state", "accountFilter", "instanceId", "channelId",
            "modes", "remix", "taskId", "customId", "chooseSameChannel", "maskBase64", "dimensions", "base64",
            "link", "action", "index", "content", "ids", "imageUrl", "motion");
    private static final List<String> WORDS = List.of(
            "", " ", "cat", "MID_JOURNEY", "NIJI_JOURNEY", "niji", "FAST", "relax", "TURBO", "SQUARE", "PORTRAIT",
            "UPSCALE", "VARIATION", "REROLL", "U2", "V4", "R", ApiFixture.PARENT_ID, ApiFixture.PARENT_ID + " U1",
            ApiFixture.PARENT_ID + " R", "MJ::JOB::upsample::1::" + ApiFixture.HASH,
            "MJ::CustomZoom::" + ApiFixture.HASH, "MJ::BOOKMARK::" + ApiFixture.HASH, "MJ::Job::PicReader::2",
            "https://hook.example/x", "ftp://nope", "true", "false", "1", "5", "-1",
            ApiFixture.base64(ApiFixture.PNG), ApiFixture.dataUrl(ApiFixture.PNG), "data:image/png;base64,", "@@",
            "nsfw", "\u732B", "\u0000", "{\"prompt\":1}", "low", "HIGH", "https://cdn.example/frame.png", "--video 1");
    private static final Set<Integer> CODES = Set.of(1, 3, 4, 21, 22, 23, 24);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiFixture api = new ApiFixture(new ApiProperties(null, List.of("nsfw"),
            ApiProperties.Limits.DEFAULTS));

    SubmitFuzzPropertyTest() {
        when(api.tasks.find(anyString())).thenReturn(Optional.empty());
        when(api.tasks.find(ApiFixture.PARENT_ID)).thenReturn(Optional.of(ApiFixture.finishedGrid()));
        when(api.tasks.awaitModal(any(), any(), any())).thenAnswer(call -> call.getArgument(0));
        when(api.tasks.submitModal(any(), any(), any()))
                .thenReturn(new ModalResult.Submitted(ApiFixture.finishedGrid()));
        when(api.tasks.uploadImages(any())).thenReturn(CompletableFuture.completedFuture(List.of("https://cdn/x.png")));
    }

    @Property(tries = 400)
    void randomJsonBodiesGetAnEnvelope(@ForAll("endpoints") String endpoint, @ForAll("bodies") JsonNode body)
            throws Exception {
        assertEnvelope(endpoint, JSON.writeValueAsBytes(body));
    }

    @Property(tries = 300)
    void randomBytesGetAnEnvelope(@ForAll("endpoints") String endpoint, @ForAll("rawBodies") String body)
            throws Exception {
        assertEnvelope(endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertEnvelope(String endpoint, byte[] body) throws Exception {
        MvcResult result = api.mvc.perform(post(endpoint).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = api.mvc.perform(asyncDispatch(result)).andReturn();
        }
        MockHttpServletResponse response = result.getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).as(text).isEqualTo(200);
        JsonNode envelope = JSON.readTree(text);
        assertThat(CODES).as(text).contains(envelope.path("code").asInt(-1));
        assertThat(envelope.path("description").isString()).as(text).isTrue();
        assertThat(envelope.path("properties").isObject()).as(text).isTrue();
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.mjbridge");
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<JsonNode> bodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, objects(3)),
                net.jqwik.api.Tuple.of(1, values(2)));
    }

    @Provide
    Arbitrary<String> rawBodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("{}[]\":,0123456789abcnulltrefs \\").ofMaxLength(40),
                Arbitraries.of(FIELDS).map(field -> "{\"" + field + "\": "));
    }

    private Arbitrary<JsonNode> objects(int depth) {
        Arbitrary<JsonNode> value = values(depth - 1);
        return Arbitraries.maps(Arbitraries.of(FIELDS), value).ofMaxSize(8).map(map -> {
            ObjectNode object = NODES.objectNode();
            map.forEach(object::set);
            return object;
        });
    }

    private Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(NODES::stringNode),
                Arbitraries.strings().ofMaxLength(20).map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth <= 0) {
            return scalars;
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(6).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars),
                net.jqwik.api.Tuple.of(2, arrays),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> objects(depth - 1))));
    }
}
