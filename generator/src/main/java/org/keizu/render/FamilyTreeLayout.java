package org.keizu.render;

import java.util.ArrayList;
import java.util.List;
import org.keizu.render.Views.FamilyMember;
import org.keizu.render.Views.FamilyTree;
import org.keizu.render.Views.TreeEdge;
import org.keizu.render.Views.TreeNode;

/**
 * Lays out a base's family for inline SVG: the base at the top, then one band per kind of relation
 * (declared derivations, detected candidates, components, architecture only), at most four boxes a
 * row. Coordinates are computed here so that the template only prints them; no JavaScript draws it.
 */
final class FamilyTreeLayout {
    static final int BOX_WIDTH = 190;
    static final int BOX_HEIGHT = 46;
    static final int GAP_X = 20;
    static final int GAP_Y = 56;
    static final int PER_ROW = 4;
    static final int MARGIN = 10;

    private FamilyTreeLayout() {
    }

    static FamilyTree layout(String baseName, String baseHref, List<FamilyMember> derived, List<FamilyMember> detected,
            List<FamilyMember> components, List<FamilyMember> architectureOnly) {
        List<List<FamilyMember>> bands = List.of(derived, detected, components, architectureOnly);
        List<String> kinds = List.of("derived", "detected", "component", "architecture");
        int widest = 1;
        for (List<FamilyMember> band : bands) {
            widest = Math.max(widest, Math.min(PER_ROW, band.size()));
        }
        int width = 2 * MARGIN + widest * BOX_WIDTH + (widest - 1) * GAP_X;
        List<TreeNode> nodes = new ArrayList<>();
        List<TreeEdge> edges = new ArrayList<>();
        int baseX = (width - BOX_WIDTH) / 2;
        nodes.add(new TreeNode(baseX, MARGIN, BOX_WIDTH, BOX_HEIGHT, baseName, "base", baseHref, "base"));
        int parentX = baseX + BOX_WIDTH / 2;
        int parentY = MARGIN + BOX_HEIGHT;
        int y = MARGIN + BOX_HEIGHT + GAP_Y;
        int count = 0;
        for (int b = 0; b < bands.size(); b++) {
            List<FamilyMember> band = bands.get(b);
            for (int start = 0; start < band.size(); start += PER_ROW) {
                List<FamilyMember> row = band.subList(start, Math.min(band.size(), start + PER_ROW));
                int rowWidth = row.size() * BOX_WIDTH + (row.size() - 1) * GAP_X;
                int x = (width - rowWidth) / 2;
                for (FamilyMember m : row) {
                    nodes.add(new TreeNode(x, y, BOX_WIDTH, BOX_HEIGHT, m.model().name(),
                            m.grade() + " · " + m.relationLabel(), m.model().href(), kinds.get(b)));
                    edges.add(new TreeEdge(parentX, parentY, x + BOX_WIDTH / 2, y, kinds.get(b), m.relationLabel(),
                            (parentX + x + BOX_WIDTH / 2) / 2, (parentY + y) / 2));
                    x += BOX_WIDTH + GAP_X;
                    count++;
                }
                y += BOX_HEIGHT + GAP_Y;
            }
        }
        int height = count == 0 ? 2 * MARGIN + BOX_HEIGHT : y - GAP_Y + MARGIN;
        String description = baseName + " and " + count + " related model" + (count == 1 ? "" : "s")
                + ": solid lines are declared derivations, dashed lines detected shape matches, dotted lines reused"
                + " components, and faint lines a shared architecture only.";
        return new FamilyTree(width, height, nodes, edges, description);
    }
}
