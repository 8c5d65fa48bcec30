package org.keizu.render;

import java.util.ArrayList;
import java.util.List;
import org.keizu.render.Views.FamilyTree;
import org.keizu.render.Views.LegendItem;
import org.keizu.render.Views.TreeEdge;
import org.keizu.render.Views.TreeNode;

/**
 * Draws a chain of derivation as a tree, base at the top, each generation one row further down.
 *
 * <p>Every model gets a band of the width its own subtree needs, and its children are placed inside
 * its band; bands of siblings never overlap. So whatever is drawn below a box, within its width,
 * descends from it: a model is never drawn beneath one it does not derive from. This is why a
 * tidy-tree layout is used rather than a general layered-graph layout (such as ELK's), which
 * minimises crossings but may set a cousin under an uncle. Only declared derivations are drawn;
 * shared architectures, reused components and detector candidates are listed beside the figure,
 * never hung under a model.
 *
 * <p>Boxes are as wide as their text ({@link LabelWidth}), so no label is cut.
 */
final class TreeLayout {
    static final int MARGIN = 10;
    static final int GAP_X = 24;

    /** Room between generations for the connector and the edge's label. */
    static final int GAP_Y = 48;

    static final int BOX_HEIGHT = 46;
    static final int PADDING = 12;
    static final int MIN_BOX_WIDTH = 110;
    static final int LABEL_SIZE = 14;
    static final int SUBLABEL_SIZE = 12;
    static final int EDGE_LABEL_SIZE = 12;
    static final int LABEL_BASELINE = 19;
    static final int SUBLABEL_BASELINE = 36;

    /** The connector leaves a box, runs down this far, then across to the child. */
    static final int BUS_DROP = 12;

    static final int EDGE_LABEL_GAP = 5;

    /**
     * One model to draw, with the link that joins it to its parent (null for the root).
     *
     * @param kind node form: "root", "self" (the model whose page this is) or "model"
     * @param edgeKind link form: "derived" or "disputed"
     */
    record Box(
            String id,
            String label,
            String sublabel,
            String href,
            String kind,
            String edgeLabel,
            String edgeKind,
            List<Box> children) {
        Box {
            children = List.copyOf(children);
        }

        int count() {
            return 1 + children.stream().mapToInt(Box::count).sum();
        }

        int depth() {
            return 1 + children.stream().mapToInt(Box::depth).max().orElse(0);
        }
    }

    private final List<TreeNode> nodes = new ArrayList<>();
    private final List<TreeEdge> edges = new ArrayList<>();

    private TreeLayout() {}

    /** The tree drawn from {@code root}, with a title and the legend of the forms it uses. */
    static FamilyTree layout(Box root, String description, List<LegendItem> legend) {
        TreeLayout layout = new TreeLayout();
        int width = band(root);
        layout.place(root, MARGIN, 0, null);
        int height = 2 * MARGIN + root.depth() * (BOX_HEIGHT + GAP_Y) - GAP_Y;
        return new FamilyTree(
                width + 2 * MARGIN, height, layout.nodes, layout.edges, description, legend);
    }

    static int boxWidth(Box box) {
        int text =
                Math.max(
                        LabelWidth.of(box.label(), LABEL_SIZE),
                        LabelWidth.of(box.sublabel(), SUBLABEL_SIZE));
        return Math.max(MIN_BOX_WIDTH, text + 2 * PADDING);
    }

    /**
     * What the box needs on its own: its width, and its edge label's, which sits centred on the
     * connector above it.
     */
    private static int ownWidth(Box box) {
        int label = box.edgeLabel() == null ? 0 : LabelWidth.of(box.edgeLabel(), EDGE_LABEL_SIZE);
        return Math.max(boxWidth(box), label + 2 * EDGE_LABEL_GAP);
    }

    /** The width of the band the box and everything below it occupy. */
    static int band(Box box) {
        int children = 0;
        for (Box child : box.children()) {
            children += band(child);
        }
        children += Math.max(0, box.children().size() - 1) * GAP_X;
        return Math.max(ownWidth(box), children);
    }

    private void place(Box box, int left, int depth, TreeNode parent) {
        int band = band(box);
        int width = boxWidth(box);
        int x = left + (band - width) / 2;
        int y = MARGIN + depth * (BOX_HEIGHT + GAP_Y);
        TreeNode node =
                new TreeNode(
                        box.id(),
                        x,
                        y,
                        width,
                        BOX_HEIGHT,
                        x + width / 2,
                        y + LABEL_BASELINE,
                        y + SUBLABEL_BASELINE,
                        box.label(),
                        box.sublabel(),
                        box.href(),
                        box.kind(),
                        parent == null ? null : parent.id());
        nodes.add(node);
        if (parent != null) {
            int fromX = parent.labelX();
            int fromY = parent.y() + parent.height();
            int busY = fromY + BUS_DROP;
            String path = "M" + fromX + " " + fromY + " V" + busY + " H" + node.labelX() + " V" + y;
            edges.add(
                    new TreeEdge(
                            path,
                            box.edgeKind(),
                            box.edgeLabel(),
                            node.labelX(),
                            y - EDGE_LABEL_GAP - 2));
        }
        int children =
                box.children().stream().mapToInt(TreeLayout::band).sum()
                        + Math.max(0, box.children().size() - 1) * GAP_X;
        int childLeft = left + (band - children) / 2;
        for (Box child : box.children()) {
            place(child, childLeft, depth + 1, node);
            childLeft += band(child) + GAP_X;
        }
    }
}
