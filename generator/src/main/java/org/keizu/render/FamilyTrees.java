package org.keizu.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keizu.model.Dispute;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.render.Views.FamilyTree;
import org.keizu.render.Views.LegendItem;

/**
 * The family trees of the site, built from the declared chains of derivation alone: a base's page
 * draws the base and every model derived from it; an evidence page draws the model's chain from its
 * ultimate base and the models derived from it. A model that only shares an architecture, reuses a
 * component or was matched by the config detector is never drawn here; the pages list those apart.
 */
final class FamilyTrees {
    /**
     * The models drawn below any one box; the rest are one box that leads to the family page. A
     * base with a thousand derivatives would otherwise draw a figure hundreds of screens wide.
     */
    static final int MAX_CHILDREN_DRAWN = 12;

    private final ViewContext context;

    FamilyTrees(ViewContext context) {
        this.context = context;
    }

    /** The base and every model derived from it; null when no model derives from it. */
    FamilyTree ofBase(Model base) {
        if (context.analysis.children(base.id()).isEmpty()) {
            return null;
        }
        TreeLayout.Box root = descendants(base, null, "root", new HashSet<>());
        return TreeLayout.layout(
                root,
                context.messages.format(
                        "tree_description_base", base.name(), String.valueOf(root.count() - 1)),
                legend(root));
    }

    /**
     * The model's chain from its ultimate base down to it, then the models derived from it; null
     * when it derives from nothing held and nothing derives from it.
     */
    FamilyTree ofModel(Model model) {
        List<String> ancestors = context.analysis.of(model.id()).ancestors();
        if (ancestors.isEmpty() && context.analysis.children(model.id()).isEmpty()) {
            return null;
        }
        Set<String> seen = new HashSet<>(ancestors);
        String parent = ancestors.isEmpty() ? null : ancestors.get(0);
        TreeLayout.Box box = descendants(model, parent, "self", seen);
        for (int i = 0; i < ancestors.size(); i++) {
            Model ancestor = context.registry.model(ancestors.get(i)).orElseThrow();
            String above = i + 1 < ancestors.size() ? ancestors.get(i + 1) : null;
            box = box(ancestor, above, above == null ? "root" : "model", List.of(box));
        }
        return TreeLayout.layout(
                box,
                context.messages.format(
                        "tree_description_model", model.name(), String.valueOf(box.count())),
                legend(box));
    }

    /** The model's box with every model derived from it below, generation by generation. */
    private TreeLayout.Box descendants(Model model, String parent, String kind, Set<String> seen) {
        seen.add(model.id());
        List<TreeLayout.Box> children = new ArrayList<>();
        List<Model> derived =
                context.inSiteOrder(
                        context.analysis.children(model.id()).stream()
                                .filter(id -> !seen.contains(id)) // a cycle is reported by LIN-006
                                .map(id -> context.registry.model(id).orElseThrow())
                                .toList());
        for (Model child : derived.subList(0, Math.min(derived.size(), MAX_CHILDREN_DRAWN))) {
            children.add(descendants(child, model.id(), "model", seen));
        }
        if (derived.size() > MAX_CHILDREN_DRAWN) {
            children.add(more(model, derived.size() - MAX_CHILDREN_DRAWN));
        }
        return box(model, parent, kind, children);
    }

    /**
     * One box standing for the models derived from {@code model} that are not drawn, leading to its
     * family page, which lists them all.
     */
    private TreeLayout.Box more(Model model, int notDrawn) {
        return new TreeLayout.Box(
                model.id() + "-more",
                context.messages.format("tree_more", context.language.number(notDrawn)),
                context.messages.format("tree_more_sub"),
                context.paths.href(SitePaths.base(model.id())),
                "more",
                "",
                "derived",
                List.of());
    }

    private TreeLayout.Box box(
            Model model, String parent, String kind, List<TreeLayout.Box> children) {
        Optional<LineageLink> link =
                parent == null
                        ? Optional.empty()
                        : model.lineage().stream()
                                .filter(
                                        l ->
                                                l.base().equals(parent)
                                                        && l.relation().derivesWeights())
                                .max(Comparator.comparing(LineageLink::grade));
        boolean disputed =
                parent != null
                        && model.disputes().stream()
                                .anyMatch(
                                        d ->
                                                d.status() == Dispute.Status.OPEN
                                                        && parent.equals(d.base()));
        return new TreeLayout.Box(
                model.id(),
                model.name(),
                context.country(model.country()).name(),
                context.paths.href(SitePaths.model(model.id())),
                kind,
                link.map(
                                l ->
                                        l.grade().name()
                                                + " · "
                                                + context.label("relations", l.relation().term()))
                        .orElse(null),
                disputed ? "disputed" : "derived",
                children);
    }

    /** The forms this tree uses, each once, in a fixed order. */
    private List<LegendItem> legend(TreeLayout.Box root) {
        Set<String> nodeKinds = new LinkedHashSet<>();
        Set<String> edgeKinds = new LinkedHashSet<>();
        collect(root, nodeKinds, edgeKinds, true);
        List<LegendItem> legend = new ArrayList<>();
        for (String kind : List.of("root", "self", "model")) {
            if (nodeKinds.contains(kind)) {
                legend.add(
                        new LegendItem(
                                "node", kind, context.messages.format("tree_legend_" + kind)));
            }
        }
        for (String kind : List.of("derived", "disputed")) {
            if (edgeKinds.contains(kind)) {
                legend.add(
                        new LegendItem(
                                "edge", kind, context.messages.format("tree_legend_" + kind)));
            }
        }
        return legend;
    }

    private static void collect(
            TreeLayout.Box box, Set<String> nodeKinds, Set<String> edgeKinds, boolean top) {
        nodeKinds.add(box.kind());
        if (!top) {
            edgeKinds.add(box.edgeKind());
        }
        box.children().forEach(child -> collect(child, nodeKinds, edgeKinds, false));
    }
}
