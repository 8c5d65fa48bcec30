package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keizu.TestRegistries;

/**
 * The one place a template prints HTML unescaped is the markdown macro, fed by MarkdownRenderer.
 * These hostile inputs (SECURITY.md §5.3, and the bypasses reported against other Markdown
 * libraries) must come out inert.
 */
class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](jav&#x61;script:alert(1))",
                "[x](java\tscript:alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "[x](vbscript:msgbox)",
                "[x](//evil.example/)",
                "[x](http://insecure.example/)",
                "![tracker](https://evil.example/pixel.png)",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<base href=\"https://evil.example/\">",
                "[x](https://ok.example \"title\" onmouseover=alert(1))",
            })
    void hostileMarkdownComesOutInert(String markdown) {
        Document html = Jsoup.parseBodyFragment(renderer.render(markdown));
        assertTrue(
                html.select("script, iframe, object, embed, base, img, form").isEmpty(),
                html.body().html());
        for (Element e : html.getAllElements()) {
            e.attributes()
                    .forEach(
                            a ->
                                    assertTrue(
                                            !a.getKey().startsWith("on"),
                                            "event handler in " + html.body().html()));
        }
        for (Element a : html.select("[href]")) {
            String href = a.attr("href");
            assertTrue(
                    href.isEmpty()
                            || href.startsWith("https://")
                            || href.startsWith("mailto:")
                            || (!href.contains(":") && !href.startsWith("//")),
                    "unsafe href " + href);
        }
    }

    @Test
    void keepsTheUsefulParts() {
        Document html =
                Jsoup.parseBodyFragment(
                        renderer.render(
                                "# Methodology\n\nSee [the about page](../about/) and [a card](https://huggingface.co/x/y).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));
        assertEquals("methodology", html.selectFirst("h1").id());
        assertEquals(
                List.of("../about/", "https://huggingface.co/x/y"),
                html.select("a").eachAttr("href"));
        assertEquals(1, html.select("table tbody tr").size());
    }

    @Test
    void onlyTheMarkdownMacroPrintsUnescapedHtml() throws IOException {
        Pattern risky =
                Pattern.compile(
                        "\\?no_esc|noautoesc|auto_esc\\s*=\\s*false|\\?interpret|\\?eval|\\?new\\b");
        List<String> hits;
        try (Stream<Path> templates = Files.walk(TestRegistries.TEMPLATES)) {
            hits =
                    templates
                            .filter(
                                    p ->
                                            p.toString().endsWith(".ftlh")
                                                    || p.toString().endsWith(".ftlx"))
                            .flatMap(
                                    p -> {
                                        try {
                                            return Files.readAllLines(p).stream()
                                                    .filter(l -> risky.matcher(l).find())
                                                    .map(
                                                            l ->
                                                                    TestRegistries.TEMPLATES
                                                                                    .relativize(p)
                                                                            + ": "
                                                                            + l.strip());
                                        } catch (IOException e) {
                                            throw new java.io.UncheckedIOException(e);
                                        }
                                    })
                            .toList();
        }
        // The JSON-LD of a page is JSON from MachineMetadata.scriptSafe (< > & escaped as \\u),
        // printed raw because HTML escaping would break JSON inside a script element.
        assertEquals(
                List.of(
                        "layout.ftlh: <#if meta?? && meta.jsonLd??><script"
                                + " type=\"application/ld+json\">${meta.jsonLd?no_esc}</script></#if>",
                        "layout.ftlh: <#macro markdown html>${html?no_esc}</#macro>"),
                hits);
    }

    @Test
    void everyMessageTheTemplatesUseIsInTheBundle() throws IOException {
        java.util.Properties bundle = new java.util.Properties();
        try (var in =
                Files.newBufferedReader(TestRegistries.TEMPLATES.resolve("messages.properties"))) {
            bundle.load(in);
        }
        Pattern use = Pattern.compile("msg\\.([a-z_]+)");
        try (Stream<Path> templates = Files.walk(TestRegistries.TEMPLATES)) {
            for (Path p : templates.filter(t -> t.toString().endsWith(".ftlh")).toList()) {
                Matcher m = use.matcher(Files.readString(p));
                while (m.find()) {
                    assertTrue(
                            bundle.containsKey(m.group(1)),
                            p.getFileName()
                                    + " uses msg."
                                    + m.group(1)
                                    + ", not in messages.properties");
                }
            }
        }
    }
}
