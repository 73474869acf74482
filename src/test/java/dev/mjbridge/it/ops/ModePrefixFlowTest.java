package dev.mjbridge.it.ops;

import dev.mjbridge.account.AccountConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /mj-fast}, {@code /mj-relax} and {@code /mj-turbo} run the job in that mode: the
 * sandbox's result message says so, as Midjourney's does. The sandbox accounts default to
 * fast, so relax and turbo reach Midjourney as a prompt parameter.
 */
class ModePrefixFlowTest extends SandboxFlowTest {

    @ParameterizedTest(name = "{0} -> ({1})")
    @CsvSource(delimiter = '|', value = {
            "/mj-fast  | fast    | ''",
            "/mj-relax | relaxed | --relax",
            "/mj-turbo | turbo   | --turbo",
            "''        | fast    | ''"})
    void theJobRunsInTheModeOfThePrefix(String prefix, String modeWord, String parameter) {
        String prompt = "a lighthouse in " + modeWord + " mode --ar 3:2";
        String id = api.submit(prefix + "/mj/submit/imagine", imagine(prompt));

        JsonNode task = api.awaitFinal(id);
        assertThat(task.path("status").asString()).as(task.toString()).isEqualTo("SUCCESS");
        assertThat(task.path("prompt").asString()).isEqualTo(prompt);

        JsonNode properties = task.path("properties");
        JsonNode result = sandbox.message(tokenOf(properties.path("discordInstanceId").asString()),
                properties.path("discordChannelId").asString(), properties.path("messageId").asString());
        assertThat(result.path("content").asString()).endsWith("(" + modeWord + ")");
        if (parameter.isEmpty()) {
            assertThat(properties.path("finalPrompt").asString()).doesNotContain("--fast", "--relax", "--turbo");
        } else {
            assertThat(properties.path("finalPrompt").asString()).endsWith(parameter);
        }
        JsonNode sent = sandbox.interactionsWithNonce(properties.path("nonce").asString());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("payload").path("data").path("options").get(0).path("value").asString())
                .isEqualTo(parameter.isEmpty() ? prompt : prompt + " " + parameter);
    }

    private String tokenOf(String accountId) {
        return setup.accounts().stream().filter(a -> a.id().equals(accountId)).map(AccountConfig::userToken)
                .findFirst().orElseThrow();
    }
}
