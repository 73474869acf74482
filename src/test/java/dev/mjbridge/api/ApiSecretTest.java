package dev.mjbridge.api;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** mj.api-secret: the mj-api-secret header is required on /mj/** and the prefixed paths. */
class ApiSecretTest {

    private static final String SECRET = "s3cr3t-value";

    private final ApiFixture api = new ApiFixture(new ApiProperties(SECRET, List.of(), ApiProperties.Limits.DEFAULTS));

    @Test
    void aRequestWithoutTheHeaderIs401WithJson() throws Exception {
        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"cat\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value("mj-api-secret: missing or wrong"));
    }

    @Test
    void aWrongSecretIs401AndIsNotEchoed() throws Exception {
        api.mvc.perform(get("/mj/task/list").header(ApiSecretFilter.HEADER, "s3cr3t-valuE"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("s3cr3t"))));
        api.mvc.perform(get("/mj/task/list").header(ApiSecretFilter.HEADER, ""))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void prefixedPathsAreGuardedToo() throws Exception {
        api.mvc.perform(post("/mj-fast/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"cat\"}"))
                .andExpect(status().isUnauthorized());
        api.mvc.perform(get("/mj-relax/mj/account/list"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theRightSecretPasses() throws Exception {
        when(api.tasks.find(anyString())).thenReturn(Optional.of(ApiFixture.finishedGrid()));

        api.mvc.perform(post("/mj/submit/imagine").header(ApiSecretFilter.HEADER, SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"prompt\": \"cat\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1));
        api.mvc.perform(get("/mj-turbo/mj/task/1/fetch").header(ApiSecretFilter.HEADER, SECRET))
                .andExpect(status().isOk());
    }

    @Test
    void corsPreflightsAndOtherPathsAreNotGuarded() throws Exception {
        api.mvc.perform(options("/mj/submit/imagine")).andExpect(status().is2xxSuccessful());
        api.mvc.perform(get("/health")).andExpect(status().isNotFound());
    }

    @Test
    void withoutASecretEverythingPasses() throws Exception {
        ApiFixture open = new ApiFixture();

        open.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"cat\"}"))
                .andExpect(status().isOk());
    }
}
