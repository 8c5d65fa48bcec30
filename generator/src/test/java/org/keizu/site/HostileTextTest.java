package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.SiteOracle;
import org.keizu.TestRegistries;

/**
 * Text a stranger's pull request may put in a record (markup, handlers, template syntax) is valid
 * data: the site is built, prints it as text, and the output oracle finds nothing executable.
 */
class HostileTextTest {
    private static final List<String> HOSTILE =
            List.of(
                    "<script>alert(1)</script>",
                    "\"><img src=x onerror=alert(2)>",
                    "<a href=\"javascript:alert(3)\">click</a>",
                    "${7*7} <#assign owned=1> [#assign owned=2] <@layout.markdown html='x'/>",
                    "</blockquote><svg onload=alert(4)>");

    @Test
    void markupAndTemplateSyntaxInRecordsArePrintedAsText(@TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve("models/national-model.yaml");
        String yaml = Files.readString(record, StandardCharsets.UTF_8);
        String joined = String.join(" ", HOSTILE).replace("'", "''");
        yaml =
                yaml.replace(
                                "summary: The makers later named Base Model as the base.",
                                "summary: '" + joined + "'")
                        .replace(
                                "passage: {text: \"Fixture passage.\"}",
                                "passage: {text: '" + joined + "'}")
                        .replace("text: We have updated the card.", "text: '" + joined + "'")
                        .replace("name: National Model", "name: '" + HOSTILE.get(0) + "'");
        Files.writeString(record, yaml, StandardCharsets.UTF_8);
        Path out = root.resolve("site");

        RegistryBuild.Result result =
                new RegistryBuild(TestRegistries.options(root)).build(out, "/");

        assertFalse(result.findings().hasErrors(), result.findings().sorted().toString());
        assertEquals(List.of(), SiteOracle.problems(out, "/"));
        String page =
                Files.readString(
                        out.resolve("models/national-model/index.html"), StandardCharsets.UTF_8);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page);
        for (String hostile : HOSTILE) {
            assertTrue(doc.text().contains(hostile), "shown as text: " + hostile);
        }
        assertFalse(doc.text().contains("49"), "${7*7} was not evaluated");
    }
}
