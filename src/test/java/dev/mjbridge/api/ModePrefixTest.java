package dev.mjbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;

import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.task.Routing;

/** /mj-fast, /mj-relax and /mj-turbo run the same handlers with the mode in the routing. */
class ModePrefixTest {

    private final ApiFixture api = new ApiFixture();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/mj-fast, FAST", "/mj-relax, RELAX", "/mj-turbo, TURBO"})
    void imagineUnderAPrefixPassesTheMode(String prefix, SpeedMode mode) throws Exception {
        api.mvc.perform(post(prefix + "/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"cat\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(1));

        assertThat(submittedRouting().mode()).isEqualTo(mode);
    }

    @Test
    void withoutAPrefixTheModeIsLeftToTheAccount() throws Exception {
        api.mvc.perform(post("/mj/submit/shorten").contentType(MediaType.APPLICATION_JSON)
                .content("{\"prompt\": \"cat\"}"));

        assertThat(submittedRouting().mode()).isNull();
    }

    @Test
    void actionsUnderAPrefixPassTheModeToo() throws Exception {
        when(api.tasks.find(ApiFixture.PARENT_ID)).thenReturn(Optional.of(ApiFixture.finishedGrid()));

        api.mvc.perform(post("/mj-relax/mj/submit/action").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": \"%s\", \"customId\": \"MJ::JOB::variation::1::%s\"}"
                                .formatted(ApiFixture.PARENT_ID, ApiFixture.HASH)))
                .andExpect(jsonPath("$.code").value(1));

        ArgumentCaptor<Routing> captured = ArgumentCaptor.forClass(Routing.class);
        verify(api.tasks).submitAction(any(), any(), captured.capture());
        Routing routing = captured.getValue();
        assertThat(routing.mode()).isEqualTo(SpeedMode.RELAX);
        assertThat(routing.pinnedAccountId()).isEqualTo("main");
    }

    @Test
    void taskEndpointsAnswerUnderAPrefix() throws Exception {
        when(api.tasks.find(ApiFixture.PARENT_ID)).thenReturn(Optional.of(ApiFixture.finishedGrid()));

        api.mvc.perform(get("/mj-turbo/mj/task/{id}/fetch", ApiFixture.PARENT_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ApiFixture.PARENT_ID));
    }

    @Test
    void anUnknownModeIsNotAnEndpoint() throws Exception {
        api.mvc.perform(post("/mj-slow/mj/submit/imagine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\": \"cat\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value(4));
    }

    private Routing submittedRouting() {
        ArgumentCaptor<Routing> routing = ArgumentCaptor.forClass(Routing.class);
        verify(api.tasks).submit(any(), any(), routing.capture());
        return routing.getValue();
    }
}
