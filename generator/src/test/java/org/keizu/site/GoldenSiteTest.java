package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;

/**
 * Golden structural tests: pages of the fixture registry, reduced with jsoup to their outline
 * (headings, table rows, list items, links, the verdict), compared with files in {@code
 * src/test/resources/golden/}. Markup and styling may change freely; structure and content may not
 * change unnoticed. Run with {@code -Dkeizu.golden=update} to rewrite the files after an intended
 * change, then review the diff.
 */
class GoldenSiteTest {
    private static final Path GOLDEN =
            TestRegistries.REPO.resolve("generator/src/test/resources/golden");
    @TempDir static Path root;

    @BeforeAll
    static void build() throws IOException {
        TestRegistries.validFixture(root);
        new RegistryBuild(TestRegistries.options(root)).build(root.resolve("site"), "/keizu/");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "index.html",
                "models/national-model/index.html",
                "models/lookalike-model/index.html",
                "bases/base-model/index.html",
                "countries/jp/index.html",
                "organisations/national-co/index.html",
                "programmes/fixture-programme/index.html",
                "verdicts/disclosed-after-the-fact/index.html"
            })
    void pageKeepsItsStructure(String page) throws IOException {
        String outline = outline(Jsoup.parse(root.resolve("site").resolve(page).toFile(), "UTF-8"));
        Path golden = GOLDEN.resolve(page.replace('/', '_').replace(".html", ".txt"));
        if ("update".equals(System.getProperty("keizu.golden"))) {
            Files.writeString(golden, outline);
        }
        assertEquals(
                Files.exists(golden)
                        ? Files.readString(golden)
                        : "(no golden file: run with -Dkeizu.golden=update)",
                outline);
    }

    /**
     * The page reduced to what a reader gets from it, one line per element, whitespace normalised.
     */
    static String outline(Document doc) {
        List<String> lines = new ArrayList<>();
        lines.add("title: " + doc.title());
        for (Element e :
                doc.select(
                        "main h1, main h2, main h3, main tr, main li, main dt, main dd, main .headline-text, main blockquote, main svg .node-label")) {
            String text = e.text().replaceAll("\\s+", " ").strip();
            String tag = e.tagName();
            if (tag.equals("tr")) {
                text = String.join(" | ", e.select("th, td").eachText());
            }
            lines.add(tag + (e.hasClass("headline-text") ? ".headline" : "") + ": " + text);
            for (Element a : e.select("> a[href], > th > a[href], > td > a[href]")) {
                lines.add("  -> " + a.attr("href"));
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
