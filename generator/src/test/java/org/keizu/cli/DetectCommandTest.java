package org.keizu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;

/** {@code keizu detect} over a config from outside the registry, in text and JSON. */
class DetectCommandTest {
    private static Path kimiOutsideTheRegistry(Path dir) throws Exception {
        // A copy with one tier-C change, so that it is not byte-identical to the registry's
        // snapshot.
        JsonNode kimi =
                new ObjectMapper()
                        .readTree(
                                TestRegistries.REPO
                                        .resolve("data/snapshots/moonshotai/Kimi-K2-Instruct")
                                        .toFile()
                                        .listFiles()[0]
                                        .toPath()
                                        .resolve("config.json")
                                        .toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) kimi).put("rope_theta", 60000.0);
        Path file = dir.resolve("config.json");
        Files.writeString(file, kimi.toString());
        return file;
    }

    @Test
    void printsRankedCandidatesAsJson(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("detect", "--json", kimiOutsideTheRegistry(dir).toString());
        assertEquals(0, cli.exitCode(), cli.err());
        JsonNode candidates = new ObjectMapper().readTree(cli.out()).get("candidates");
        assertEquals("kimi-k2", candidates.get(0).get("base").asText());
        // Kimi K2's shape with another rope_theta: another release's settings, a lead.
        assertEquals("E1", candidates.get(0).get("grade").asText());
        assertEquals("other-release", candidates.get(0).get("relation").asText());
        JsonNode deepseek = candidates.get(1);
        assertEquals("deepseek-v3", deepseek.get("base").asText());
        assertEquals("E1", deepseek.get("grade").asText());
        assertEquals("architecture-only", deepseek.get("relation").asText());
        JsonNode heads = null;
        for (JsonNode d : deepseek.get("different")) {
            if (d.get("field").asText().equals("num_attention_heads")) {
                heads = d;
            }
        }
        assertEquals(64, heads.get("this").asInt());
        assertEquals(128, heads.get("base").asInt());
        assertTrue(deepseek.get("equal").toString().contains("\"hidden_size\""));
    }

    @Test
    void printsPlainWordsThatNeverCallAClassMatchADerivation(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("detect", "--top", "2", kimiOutsideTheRegistry(dir).toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("E1  deepseek-v3  architecture-only"), cli.out());
        assertTrue(
                cli.out()
                        .contains(
                                "it uses the architecture; the weights cannot be the base's as they are"),
                cli.out());
    }

    @Test
    void printsHostileConfigStringsWithTheirControlCharactersEscaped(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(
                config,
                "{\"architectures\": [\"Evil\\u001b[2J\\u202eForCausalLM\\u0007\"],"
                        + " \"model_type\": \"llama\\u001b]0;owned\\u0007\", \"hidden_size\": 4096, \"num_hidden_layers\": 32}");
        Cli cli = Cli.run("detect", "--top", "3", config.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(
                cli.out().contains("\\u001B[2J"), "the escape is shown, not obeyed: " + cli.out());
        assertTrue(
                cli.out()
                        .codePoints()
                        .noneMatch(
                                cp ->
                                        (Character.getType(cp) == Character.CONTROL
                                                        && cp != '\n'
                                                        && cp != '\r')
                                                || Character.getType(cp) == Character.FORMAT),
                cli.out());
    }

    @Test
    void reportsAConfigThatIsNotJson(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("config.json");
        Files.writeString(bad, "<html>login</html>");
        Cli cli = Cli.run("detect", bad.toString());
        assertEquals(1, cli.exitCode());
        assertTrue(cli.out().contains("error [LOAD-002 syntax-error]"), cli.out());
        assertEquals(2, Cli.run("detect", dir.resolve("missing.json").toString()).exitCode());
    }
}
