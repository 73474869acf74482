package dev.mjbridge.it.ops;

import dev.mjbridge.it.MjApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs README.md's quickstart script as written (only the port differs) against the app in
 * sandbox mode, so the README and the service cannot drift apart: imagine, poll, press U1,
 * and the upscale's imageUrl downloads as a PNG.
 */
class ReadmeQuickstartTest extends SandboxFlowTest {

    private static final String SECTION = "## Quickstart (sandbox mode)";
    private static final String DOCUMENTED_API = "API=localhost:8080";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path workDir;

    @Test
    void theQuickstartScriptWorksAsWritten() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl") && onPath("python3"), "the quickstart needs bash, curl and python3");
        String script = quickstartScript();
        assertThat(script).contains(DOCUMENTED_API);

        Run run = runBash(script.replace(DOCUMENTED_API, "API=localhost:" + port));

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode answer = MjApi.json().readTree(run.output().lines().findFirst().orElseThrow());
        assertThat(answer.path("code").asInt()).as(run.output()).isEqualTo(1);
        String gridId = answer.path("result").asString();
        assertThat(api.fetch(gridId).path("status").asString()).isEqualTo("SUCCESS");

        JsonNode upscale = api.get("/mj/task/list?limit=1").body().get(0);
        assertThat(upscale.path("action").asString()).isEqualTo("UPSCALE");
        assertThat(upscale.path("properties").path("parentId").asString()).isEqualTo(gridId);
        assertThat(upscale.path("status").asString()).isEqualTo("SUCCESS");

        Path png = workDir.resolve("upscale.png");
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isPositive();
    }

    /** The first bash block under the quickstart heading. */
    private static String quickstartScript() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf(SECTION);
        assertThat(section).as("README has a section '%s'", SECTION).isNotNegative();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        int end = readme.indexOf("\n```", start);
        assertThat(start).isGreaterThan(section);
        return readme.substring(start, end) + "\n";
    }

    private record Run(int exitCode, String output) {
    }

    private Run runBash(String script) throws IOException, InterruptedException {
        Path file = workDir.resolve("quickstart.sh");
        Files.writeString(file, "set -euo pipefail\n" + script);
        Process process = new ProcessBuilder("bash", file.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("output.txt").toFile())
                .start();
        boolean ended = process.waitFor(MjApi.WAIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(workDir.resolve("output.txt"), StandardCharsets.UTF_8);
        assertThat(ended).as("the quickstart did not finish within %s; output:%n%s", MjApi.WAIT, output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
