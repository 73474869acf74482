package dev.mjbridge.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Unknown paths, wrong methods and faults of the core answer clean JSON, never a stack trace. */
class ErrorHandlingTest {

    private final ApiFixture api = new ApiFixture();

    @Test
    void anUnknownPathIsA404WithJson() throws Exception {
        api.mvc.perform(get("/mj/task/list/extra/parts"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(containsString("no endpoint GET")));
    }

    @Test
    void getOnASubmitIs405WithJson() throws Exception {
        api.mvc.perform(get("/mj/submit/imagine"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value(4))
                .andExpect(jsonPath("$.description").value(containsString("use POST")));
        api.mvc.perform(put("/mj/submit/action").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void aFaultOfTheCoreDuringASubmitIsCode9WithHttp200() throws Exception {
        when(api.tasks.submit(any(), any(), any()))
                .thenThrow(new IllegalStateException("db password=hunter2 refused"));

        api.mvc.perform(post("/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"cat\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(9))
                .andExpect(jsonPath("$.description").value(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void aFaultOfTheCoreElsewhereIsA500WithCode9() throws Exception {
        when(api.tasks.find(anyString())).thenThrow(new IllegalStateException("boom"));

        api.mvc.perform(get("/mj/task/1/fetch"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value(9))
                .andExpect(content().string(not(containsString("boom"))));
    }
}
