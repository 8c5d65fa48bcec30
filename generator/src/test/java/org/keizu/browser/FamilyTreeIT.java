package org.keizu.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The family trees as Chromium draws them, on every page of the real site that has one: no label is
 * wider than its box (the build sizes boxes from an estimate of the text, and this is where the
 * estimate meets real fonts), and on a phone the tree scrolls inside its own box instead of
 * widening the page or shrinking its text.
 */
class FamilyTreeIT {
    private static SiteServer server;
    private static ChromeDriver driver;
    private static List<String> pages;

    @BeforeAll
    static void start() throws IOException {
        Path site = BuiltSites.real("/");
        server = new SiteServer(Map.of("/", site));
        driver = Browser.start(BuiltSites.scratch("tree-profile"));
        try (Stream<Path> files = Files.walk(site)) {
            pages =
                    files.filter(p -> p.endsWith("index.html"))
                            .filter(FamilyTreeIT::hasTree)
                            .map(p -> "/" + site.relativize(p.getParent()) + "/")
                            .sorted()
                            .toList();
        }
    }

    private static boolean hasTree(Path page) {
        try {
            return Files.readString(page).contains("class=\"tree-node\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Every text of every box, with how much room it has and how much it takes (in SVG units). */
    private static final String OVERFLOWS =
            "var out = [];"
                    + "document.querySelectorAll('figure.tree a.tree-node').forEach(function (a) {"
                    + "  var rect = a.querySelector('rect'); var room = rect.width.baseVal.value;"
                    + "  a.querySelectorAll('text').forEach(function (t) {"
                    + "    var used = t.getComputedTextLength();"
                    + "    if (used > room - 4) { out.push(t.textContent + ': ' + Math.round(used) + ' > ' + room); }"
                    + "  });"
                    + "});"
                    + "var svg = document.querySelector('figure.tree svg');"
                    + "document.querySelectorAll('figure.tree text.edge-label').forEach(function (t) {"
                    + "  var box = t.getBBox();"
                    + "  if (box.x + box.width > svg.viewBox.baseVal.width) { out.push('edge label ' + t.textContent + ' leaves the figure'); }"
                    + "});"
                    + "return out;";

    @Test
    void noLabelIsWiderThanItsBoxOnAnyPageWithATree() {
        assertTrue(
                pages.size() > 10, "the real site has trees on base and evidence pages: " + pages);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        for (String page : pages) {
            driver.get(server.url(page));
            @SuppressWarnings("unchecked")
            List<String> overflows = (List<String>) driver.executeScript(OVERFLOWS);
            assertEquals(List.of(), overflows, page);
        }
    }

    @Test
    void onAPhoneTheTreeScrollsInItsOwnBoxAtFullSize() {
        driver.manage().window().setSize(new Dimension(375, 812));
        for (String page : pages) {
            driver.get(server.url(page));
            // The page as a whole is BrowserIT's concern; here, the figure stays inside the screen.
            Long figureRight =
                    (Long)
                            driver.executeScript(
                                    "return Math.ceil(document.querySelector('figure.tree').getBoundingClientRect().right)");
            Long viewport = (Long) driver.executeScript("return window.innerWidth");
            assertTrue(
                    figureRight <= viewport,
                    page + ": the tree ends at " + figureRight + " px of " + viewport);
            Double fontSize =
                    ((Number)
                                    driver.executeScript(
                                            "var t = document.querySelector('figure.tree text.node-label');"
                                                    + "var svg = t.ownerSVGElement;"
                                                    + "return parseFloat(getComputedStyle(t).fontSize)"
                                                    + " * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"))
                            .doubleValue();
            assertTrue(
                    fontSize >= 13.5,
                    page + ": labels are drawn at " + fontSize + " px on a phone");
        }
        assertFalse(pages.isEmpty());
    }
}
