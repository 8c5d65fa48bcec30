package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keizu.render.Views.FamilyTree;
import org.keizu.render.Views.TreeNode;

/**
 * The tree layout's promise on trees of any shape (generated, deep, wide, with long and CJK names):
 * no box is drawn below a box it does not descend from, no two boxes overlap, every box is as wide
 * as its estimated text, and every child is drawn below its parent.
 */
class TreeLayoutTest {
    private static final String[] NAMES = {
        "A",
        "Llama-3.1-Swallow-70B-Instruct-v0.3",
        "楽天AI 3.0",
        "HyperCLOVA X SEED Think 32B",
        "Qwen2.5-72B",
        "SEA-LION v3",
        "하이퍼클로바",
        "m",
        "Sahabat-AI Gemma2 9B CPT Instruct"
    };

    private static TreeLayout.Box tree(
            Random random, int depth, String id, Map<String, String> parents) {
        List<TreeLayout.Box> children = new ArrayList<>();
        int count = depth == 0 ? 0 : random.nextInt(depth == 4 ? 6 : 4);
        for (int i = 0; i < count; i++) {
            String child = id + "." + i;
            parents.put(child, id);
            children.add(tree(random, depth - 1, child, parents));
        }
        String name = NAMES[random.nextInt(NAMES.length)];
        return new TreeLayout.Box(
                id,
                name,
                "Japan",
                "/models/" + id + "/",
                "model",
                parents.containsKey(id) ? "E3 · Continued pre-training" : null,
                "derived",
                children);
    }

    private static boolean descends(String id, String ancestor, Map<String, String> parents) {
        for (String p = parents.get(id); p != null; p = parents.get(p)) {
            if (p.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void nothingIsDrawnBelowABoxItDoesNotDescendFrom(int seed) {
        Map<String, String> parents = new HashMap<>();
        TreeLayout.Box root = tree(new Random(seed), 4, "r", parents);
        FamilyTree drawn = TreeLayout.layout(root, "tree", List.of());
        List<TreeNode> nodes = drawn.nodes();
        assertEquals(root.count(), nodes.size());
        Map<String, TreeNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        for (TreeNode a : nodes) {
            assertTrue(
                    a.x() >= 0 && a.x() + a.width() <= drawn.width(),
                    a.id() + " inside the figure");
            assertTrue(
                    a.width() >= LabelWidth.of(a.label(), TreeLayout.LABEL_SIZE),
                    a.id() + " fits its name");
            if (a.parent() != null) {
                assertTrue(byId.get(a.parent()).y() < a.y(), a.id() + " below its parent");
            }
            for (TreeNode b : nodes) {
                boolean overlapX = a.x() < b.x() + b.width() && b.x() < a.x() + a.width();
                if (a != b && a.y() == b.y()) {
                    assertTrue(!overlapX, a.id() + " and " + b.id() + " overlap");
                }
                if (b.y() > a.y() && overlapX) {
                    assertTrue(
                            descends(b.id(), a.id(), parents),
                            b.id() + " is drawn below " + a.id());
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void wideNamesInAnyScriptWidenTheirBoxes() {
        int latin =
                TreeLayout.boxWidth(
                        new TreeLayout.Box(
                                "a", "Swallow", "Japan", "/", "model", null, "derived", List.of()));
        int cjk =
                TreeLayout.boxWidth(
                        new TreeLayout.Box(
                                "b",
                                "楽天AI 3.0 大規模言語モデル",
                                "Japan",
                                "/",
                                "model",
                                null,
                                "derived",
                                List.of()));
        assertTrue(cjk > latin, cjk + " vs " + latin);
        assertTrue(LabelWidth.of("楽天", 14) >= 28, "a CJK character takes a full em");
    }
}
