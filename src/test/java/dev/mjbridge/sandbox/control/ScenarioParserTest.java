package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.control.scenario.Scenario;
import dev.mjbridge.sandbox.control.scenario.ScenarioFormatException;
import dev.mjbridge.sandbox.control.scenario.ScenarioParser;
import dev.mjbridge.sandbox.control.scenario.ScenarioStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioParserTest {

    @Test
    void readsAFullScenarioWithDefaults() {
        Scenario scenario = ScenarioParser.parse("""
                {"name": "n", "match": {"type": 3, "customIdPrefix": "MJ::JOB::upsample"},
                 "steps": [
                   {"event": "MESSAGE_CREATE", "data": {"content": "{{prompt}} {{jobHash:2}} {{messageId:12}}"}},
                   {"delayMs": 15, "event": "INTERACTION_MODAL_CREATE", "data": {"id": "{{interactionId}}"}},
                   {"event": "MESSAGE_REACTION_ADD", "to": "user", "data": {}}
                 ]}""");
        assertThat(scenario.name()).isEqualTo("n");
        assertThat(scenario.times()).isEqualTo(1);
        assertThat(scenario.acknowledge()).isTrue();
        assertThat(scenario.match().type()).isEqualTo(3);
        assertThat(scenario.match().customIdPrefix()).isEqualTo("MJ::JOB::upsample");
        assertThat(scenario.steps()).extracting(ScenarioStep::to)
                .containsExactly(ScenarioStep.Target.CHANNEL, ScenarioStep.Target.SESSION, ScenarioStep.Target.USER);
        assertThat(scenario.steps().get(1).delayMs()).isEqualTo(15);
    }

    @Test
    void theExampleScenariosAreValid() {
        for (String name : new String[] {"imagine-grid", "upscale", "invalid-parameter"}) {
            assertThat(Scenario.fromResource("scenarios/" + name + ".json").steps()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{not json                                                            | not valid JSON",
            "[]                                                                   | a JSON object",
            "{}                                                                   | scenario.steps: required",
            "{\"stepz\": []}                                                      | scenario.stepz: unknown field",
            "{\"steps\": [], \"match\": {\"type\": 4}}                            | match.type",
            "{\"steps\": [], \"match\": {\"kind\": 2}}                            | match.kind: unknown field",
            "{\"steps\": [], \"times\": 0}                                        | scenario.times",
            "{\"steps\": [], \"acknowledge\": \"yes\"}                            | scenario.acknowledge",
            "{\"steps\": [{\"data\": {}}]}                                        | steps[0].event: required",
            "{\"steps\": [{\"event\": \"message_create\", \"data\": {}}]}         | steps[0].event",
            "{\"steps\": [{\"event\": \"MESSAGE_CREATE\"}]}                       | steps[0].data: required",
            "{\"steps\": [{\"event\": \"MESSAGE_CREATE\", \"data\": []}]}         | needs a message object",
            "{\"steps\": [{\"event\": \"X\", \"data\": {}, \"delayMs\": -1}]}     | steps[0].delayMs",
            "{\"steps\": [{\"event\": \"X\", \"data\": {}, \"to\": \"everyone\"}]} | steps[0].to",
            "{\"steps\": [{\"event\": \"X\", \"data\": {\"a\": [\"{{promt}}\"]}}]} | steps[0].data.a[0]: unknown placeholder {{promt}}",
            "{\"steps\": [{\"event\": \"X\", \"data\": {\"a\": \"{{nonce:2}}\"}}]} | unknown placeholder {{nonce:2}}",
            "{\"steps\": [{\"event\": \"X\", \"data\": {\"a\": \"{{jobHash:0}}\"}}]} | unknown placeholder {{jobHash:0}}",
    })
    void rejectsBadScenariosNamingTheField(String json, String expectedMessage) {
        assertThatThrownBy(() -> ScenarioParser.parse(json))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining(expectedMessage.trim());
    }
}
