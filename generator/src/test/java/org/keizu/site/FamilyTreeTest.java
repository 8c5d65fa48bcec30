package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryLoad;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Findings;
import org.keizu.lineage.DerivationChains;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/**
 * The family trees of the real registry, read from the built pages: a tree states only what the
 * declared derivations say. No model is drawn below a model it does not descend from, every line
 * joins a model to the base it declares deriving from, and nothing that only shares an architecture
 * is in a tree at all.
 */
class FamilyTreeTest {
    @TempDir static Path root;
    private static Path site;
    private static Registry registry;
    private static DerivationChains chains;

    /** One box of a drawn tree. */
    record Box(String id, String parent, int x, int y, int width) {
        boolean overlapsHorizontally(Box other) {
            return x < other.x + other.width && other.x < x + width;
        }
    }

    @BeforeAll
    static void build() throws IOException {
        site = root.resolve("site");
        TestRegistries.buildReal(site, "/", "", false);
        registry =
                new RegistryLoad(TestRegistries.REAL_DATA, TestRegistries.REPO).run(new Findings());
        chains = new DerivationChains(registry.modelsById());
    }

    private static Map<String, List<Box>> trees(String folder) throws IOException {
        Map<String, List<Box>> trees = new HashMap<>();
        try (Stream<Path> pages = Files.walk(site.resolve(folder))) {
            for (Path page : pages.filter(p -> p.endsWith("index.html")).toList()) {
                Document html = Jsoup.parse(page.toFile(), "UTF-8");
                List<Box> boxes = new ArrayList<>();
                for (Element node : html.select("figure.tree a.tree-node")) {
                    Element rect = node.selectFirst("rect");
                    boxes.add(
                            new Box(
                                    node.attr("data-id"),
                                    node.hasAttr("data-parent") ? node.attr("data-parent") : null,
                                    Integer.parseInt(rect.attr("x")),
                                    Integer.parseInt(rect.attr("y")),
                                    Integer.parseInt(rect.attr("width"))));
                }
                if (!boxes.isEmpty()) {
                    trees.put(site.relativize(page).toString(), boxes);
                }
            }
        }
        return trees;
    }

    private static boolean descends(String id, String ancestor) {
        return chains.ancestors(id).contains(ancestor);
    }

    private static void assertTruthful(String page, List<Box> boxes) {
        Map<String, Box> byId = new HashMap<>();
        boxes.forEach(b -> byId.put(b.id(), b));
        assertEquals(boxes.size(), byId.size(), page + ": a model is drawn once");
        for (Box box : boxes) {
            if (box.parent() == null) {
                continue;
            }
            Box parent = byId.get(box.parent());
            assertTrue(parent != null, page + ": " + box.id() + " hangs from a box that is drawn");
            assertTrue(parent.y() < box.y(), page + ": " + box.id() + " is drawn below its base");
            Model model = registry.model(box.id()).orElseThrow();
            assertTrue(
                    model.lineage().stream()
                            .anyMatch(
                                    l ->
                                            l.base().equals(box.parent())
                                                    && l.relation().derivesWeights()),
                    page
                            + ": the line from "
                            + box.parent()
                            + " to "
                            + box.id()
                            + " is a declared derivation");
        }
        for (Box above : boxes) {
            for (Box below : boxes) {
                if (below.y() > above.y() && below.overlapsHorizontally(above)) {
                    assertTrue(
                            descends(below.id(), above.id()),
                            page
                                    + ": "
                                    + below.id()
                                    + " is drawn below "
                                    + above.id()
                                    + ", which it does not descend from");
                }
            }
        }
    }

    @Test
    void everyBasePageDrawsOnlyItsDeclaredDescendantsBelowIt() throws IOException {
        Map<String, List<Box>> trees = trees("bases");
        assertFalse(trees.isEmpty(), "the real registry has families to draw");
        trees.forEach(FamilyTreeTest::assertTruthful);
        trees.forEach(
                (page, boxes) -> {
                    Box top =
                            boxes.stream()
                                    .filter(b -> b.parent() == null)
                                    .findFirst()
                                    .orElseThrow();
                    assertTrue(
                            page.contains("/" + top.id() + "/"), page + ": the base is at the top");
                    boxes.stream()
                            .filter(b -> b != top)
                            .forEach(
                                    b ->
                                            assertTrue(
                                                    descends(b.id(), top.id()),
                                                    page + ": " + b.id()));
                });
    }

    @Test
    void everyEvidencePageDrawsItsChainAndItsDescendants() throws IOException {
        Map<String, List<Box>> trees = trees("models");
        assertFalse(trees.isEmpty());
        trees.forEach(FamilyTreeTest::assertTruthful);
        for (Model model : registry.modelsById().values()) {
            String page = "models/" + model.id() + "/index.html";
            boolean related =
                    !chains.ancestors(model.id()).isEmpty()
                            || !chains.children(model.id()).isEmpty();
            assertEquals(
                    related,
                    trees.containsKey(page),
                    page + " has a tree exactly when it has relatives by derivation");
            if (related) {
                List<String> drawn = trees.get(page).stream().map(Box::id).toList();
                assertTrue(
                        drawn.containsAll(chains.ancestors(model.id())),
                        page + ": the whole chain up");
                assertTrue(
                        drawn.containsAll(chains.children(model.id())), page + ": its derivatives");
            }
        }
    }

    @Test
    void architectureOnlyRelativesAreListedApartNeverDrawn() throws IOException {
        // DeepSeek-V3: Rakuten AI 3.0 derives from it; A.X K1 and Kimi K2 only share its
        // architecture.
        Map<String, List<Box>> trees = trees("bases");
        List<String> drawn =
                trees.get("bases/deepseek-v3/index.html").stream().map(Box::id).toList();
        for (Model model : registry.modelsById().values()) {
            boolean architectureOnly =
                    model.lineage().stream()
                            .anyMatch(
                                    l ->
                                            l.base().equals("deepseek-v3")
                                                    && !l.relation().derivesWeights());
            if (architectureOnly && !descends(model.id(), "deepseek-v3")) {
                assertFalse(
                        drawn.contains(model.id()), model.id() + " only shares the architecture");
            }
        }
    }
}
