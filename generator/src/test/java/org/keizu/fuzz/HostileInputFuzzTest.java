package org.keizu.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.keizu.SiteOracle;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.FindingFormat;
import org.keizu.diagnostic.Severity;
import org.keizu.lineage.NormalisedConfig;
import org.keizu.load.PlainYamlOracle;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.render.MarkdownRenderer;
import org.keizu.render.SitePaths;
import org.keizu.site.OpenData;
import org.keizu.validate.IdentityCheck;

/**
 * Fuzz targets for everything Keizu reads from strangers or writes from their text. In every {@code
 * mvn verify} each target runs the inputs kept under {@code HostileInputFuzzTestInputs/} (the seeds
 * and every input that ever broke it); {@code mvn -Pfuzz} fuzzes one target for real (see
 * scripts/fuzz.sh). Any exception or failed assertion is a finding.
 */
class HostileInputFuzzTest {
    private static final RecordParser PARSER = new RecordParser(new RecordMapper());
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("/keizu-site").toAbsolutePath();

    /** Any bytes as a record, in YAML and in JSON: findings with places, never an exception. */
    @FuzzTest(maxDuration = "10m")
    void recordLoading(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        for (String name : List.of("x.yaml", "x.json")) {
            RecordParser.ParseResult result =
                    PARSER.parse(RecordKind.MODEL, Path.of(name), "data/models/" + name, bytes);
            for (Finding f : result.findings()) {
                assertTrue(f.line() >= 0 && f.column() >= 0, f.toString());
                assertFalse(f.message().isBlank(), f.toString());
            }
            if (result.record().isEmpty()) {
                assertFalse(result.findings().isEmpty(), "a file that does not load says why");
            }
        }
    }

    /**
     * Any text as a YAML record: the parser gives exactly what it gives when SnakeYAML reads it,
     * whether or not the plain reader took it.
     */
    @FuzzTest(maxDuration = "10m")
    void plainYaml(FuzzedDataProvider data) {
        PlainYamlOracle.agrees("fuzzed", data.consumeRemainingAsString());
    }

    /** Any Markdown renders to HTML with no script, handler or dangerous link. */
    @FuzzTest(maxDuration = "10m")
    void markdown(FuzzedDataProvider data) {
        String html = MARKDOWN.render(data.consumeRemainingAsString());
        assertEquals(List.of(), SiteOracle.htmlProblems("prose", html, "/"));
    }

    /** An id that validation accepts can only ever name a folder inside the output. */
    @FuzzTest(maxDuration = "10m")
    void idsToPaths(FuzzedDataProvider data) {
        String id = data.consumeRemainingAsString();
        if (!IdentityCheck.validId(id)) {
            return;
        }
        for (String page :
                List.of(
                        SitePaths.model(id),
                        "organisations/" + id + "/",
                        "programmes/" + id + "/",
                        "models/" + id + "/index.json")) {
            Path target = OUT.resolve(page).normalize();
            assertTrue(target.startsWith(OUT) && !target.equals(OUT), id + " -> " + target);
            assertEquals(
                    OUT.resolve(page), OUT.resolve(page).normalize(), "no . or .. segment: " + id);
        }
    }

    /**
     * A CSV cell reads back as the text it was given (or that text behind an apostrophe) and never
     * starts a formula.
     */
    @FuzzTest(maxDuration = "10m")
    void csvCells(FuzzedDataProvider data) {
        String value = data.consumeRemainingAsString();
        String cell = OpenData.csvCell(value);
        assertTrue(cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\""), cell);
        String inner = cell.substring(1, cell.length() - 1);
        assertFalse(
                inner.replace("\"\"", "").contains("\""), "every quote inside is doubled: " + cell);
        String read = inner.replace("\"\"", "\"");
        assertTrue(read.equals(value) || read.equals("'" + value), cell);
        assertTrue(read.isEmpty() || "=+-@\t\r".indexOf(read.charAt(0)) < 0, "a formula: " + cell);
    }

    /**
     * Text published as JSON (the open data and each record's index.json; no page embeds JSON in
     * its HTML) is valid JSON and reads back exactly, whatever it holds.
     */
    @FuzzTest(maxDuration = "10m")
    void jsonOutput(FuzzedDataProvider data) throws Exception {
        String text = data.consumeRemainingAsString();
        String json = JSON.writeValueAsString(java.util.Map.of("summary", text));
        assertEquals(text, JSON.readTree(json).get("summary").asText());
    }

    /** Any JSON object as a config normalises without an exception. */
    @FuzzTest(maxDuration = "10m")
    void configNormalisation(FuzzedDataProvider data) {
        JsonNode config;
        try {
            config = JSON.readTree(data.consumeRemainingAsBytes());
        } catch (Exception notJson) {
            return; // not JSON: the loader's finding, not this target's concern
        }
        if (config != null && config.isObject()) {
            NormalisedConfig.of(config);
        }
    }

    /**
     * Any file name and message print as one line with no control or bidi character, in text and
     * for GitHub.
     */
    @FuzzTest(maxDuration = "10m")
    void findingFormatting(FuzzedDataProvider data) {
        String file = data.consumeString(200);
        String message = data.consumeRemainingAsString();
        Finding finding =
                new Finding(
                        file,
                        1,
                        1,
                        Severity.ERROR,
                        Check.LOAD_002,
                        message.isEmpty() ? "x" : message);
        for (FindingFormat format : FindingFormat.values()) {
            String line = format.format(finding);
            assertTrue(
                    line.codePoints()
                            .noneMatch(
                                    cp ->
                                            Character.getType(cp) == Character.CONTROL
                                                    || Character.getType(cp) == Character.FORMAT
                                                    || Character.getType(cp)
                                                            == Character.LINE_SEPARATOR
                                                    || Character.getType(cp)
                                                            == Character.PARAGRAPH_SEPARATOR),
                    format + ": " + line);
        }
        // A workflow command is one line: "::error <properties>::<message>". The properties escape
        // ':'
        // and ',', so the first "::" after the command ends them; a "::" inside the message is text
        // (commands start only at the beginning of a line, and the line has no break).
        String github = FindingFormat.GITHUB.format(finding);
        int separator = github.indexOf("::", 2);
        assertTrue(
                github.startsWith("::error file=")
                        && github.substring(0, separator).endsWith(",title=LOAD-002 syntax-error"),
                "the properties end where the message begins: " + github);
        assertTrue(
                new String(github.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        .equals(github));
    }
}
