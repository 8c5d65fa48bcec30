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
    static final int BOX_WIDTH = 210;

    /**
     * About what fits in a box at the label's font size; longer names are cut, the full one is in a
     * tooltip.
     */
    static final int LABEL_CHARS = 24;

    static final int BOX_HEIGHT = 46;
    static final int GAP_X = 20;
    static final int GAP_Y = 56;
    static final int PER_ROW = 4;
    static final int MARGIN = 10;

    /** Where the two lines of text sit in a box, from its top edge. */
    static final int LABEL_BASELINE = 19;

    static final int SUBLABEL_BASELINE = 36;

    private FamilyTreeLayout() {}

    /**
     * The first row hangs straight from the base through a bus in the gap above it. Later rows are
     * reached along a trunk at the left margin, so that no line passes behind a box of an earlier
     * row.
     */
    static String route(int fromX, int fromY, int toX, int toY, boolean firstRow) {
        int busY = toY - GAP_Y / 3;
        if (firstRow) {
            return "M" + fromX + " " + fromY + " V" + busY + " H" + toX + " V" + toY;
        }
        int trunkX = MARGIN / 2;
        int leaveY = fromY + GAP_Y / 3;
        return "M" + fromX + " " + fromY + " V" + leaveY + " H" + trunkX + " V" + busY + " H" + toX
                + " V" + toY;
    }

    static String fit(String label) {
        return label.length() <= LABEL_CHARS
                ? label
                : label.substring(0, LABEL_CHARS - 1).strip() + "…";
    }

    /** A box with its name centred on the first line and the sublabel on the second. */
    private static TreeNode node(
            int x, int y, String name, String sublabel, String href, String kind) {
        return new TreeNode(
                x,
                y,
                BOX_WIDTH,
                BOX_HEIGHT,
                x + BOX_WIDTH / 2,
                y + LABEL_BASELINE,
                y + SUBLABEL_BASELINE,
                fit(name),
                name,
                sublabel,
                href,
                kind);
    }

    static FamilyTree layout(
            String baseName,
            String baseHref,
            List<FamilyMember> derived,
            List<FamilyMember> detected,
            List<FamilyMember> components,
            List<FamilyMember> architectureOnly,
            Messages messages) {
        List<List<FamilyMember>> bands = List.of(derived, detected, components, architectureOnly);
        List<String> kinds = List.of("derived", "detected", "component", "architecture");
        int widest = 1;
        for (List<FamilyMember> band : bands) {
            widest = Math.max(widest, Math.min(PER_ROW, band.size()));
        }
        int width =
                2 * MARGIN
                        + widest * BOX_WIDTH
                        + (widest - 1) * GAP_X; // the trunk runs in the left margin
        List<TreeNode> nodes = new ArrayList<>();
        List<TreeEdge> edges = new ArrayList<>();
        int baseX = (width - BOX_WIDTH) / 2;
        nodes.add(node(baseX, MARGIN, baseName, messages.format("family_base"), baseHref, "base"));
        int parentX = baseX + BOX_WIDTH / 2;
        int parentY = MARGIN + BOX_HEIGHT;
        int y = MARGIN + BOX_HEIGHT + GAP_Y;
        final int firstRowY = y;
        int count = 0;
        for (int b = 0; b < bands.size(); b++) {
            List<FamilyMember> band = bands.get(b);
            for (int start = 0; start < band.size(); start += PER_ROW) {
                List<FamilyMember> row =
                        band.subList(start, Math.min(band.size(), start + PER_ROW));
                int rowWidth = row.size() * BOX_WIDTH + (row.size() - 1) * GAP_X;
                int x = (width - rowWidth) / 2;
                for (FamilyMember m : row) {
                    nodes.add(
                            node(
                                    x,
                                    y,
                                    m.model().name(),
                                    m.grade() + " · " + m.relationLabel(),
                                    m.model().href(),
                                    kinds.get(b)));
                    edges.add(
                            new TreeEdge(
                                    route(parentX, parentY, x + BOX_WIDTH / 2, y, y == firstRowY),
                                    kinds.get(b),
                                    m.relationLabel()));
                    x += BOX_WIDTH + GAP_X;
                    count++;
                }
                y += BOX_HEIGHT + GAP_Y;
            }
        }
        int height = count == 0 ? 2 * MARGIN + BOX_HEIGHT : y - GAP_Y + MARGIN;
        String description = messages.format("family_description", baseName, String.valueOf(count));
        return new FamilyTree(width, height, nodes, edges, description);
    }
}
