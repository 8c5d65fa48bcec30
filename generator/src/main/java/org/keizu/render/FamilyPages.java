package org.keizu.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keizu.lineage.Comparison;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Relation;
import org.keizu.render.Views.BasePage;
import org.keizu.render.Views.FamilyMember;
import org.keizu.render.Views.Link;

/**
 * A page for every model that another model declares as a base or that the detector finds
 * shape-compatible with another: its family, with declared derivations, detected candidates, reused
 * components and mere architecture sharers kept apart, so that a model that only shares the
 * architecture is never drawn as a descendant.
 */
final class FamilyPages {
    private final ViewContext context;
    private final ModelRows rows;
    private final FamilyTrees trees;

    FamilyPages(ViewContext context, ModelRows rows) {
        this.context = context;
        this.rows = rows;
        this.trees = new FamilyTrees(context);
    }

    /** The members of every base's family, in four groups. */
    private static final class Families {
        final Map<String, List<FamilyMember>> derived = new TreeMap<>();
        final Map<String, List<FamilyMember>> detected = new TreeMap<>();
        final Map<String, List<FamilyMember>> components = new TreeMap<>();
        final Map<String, List<FamilyMember>> architecture = new TreeMap<>();

        static void add(Map<String, List<FamilyMember>> group, String base, FamilyMember member) {
            group.computeIfAbsent(base, k -> new ArrayList<>()).add(member);
        }

        List<String> bases() {
            TreeSet<String> bases = new TreeSet<>(derived.keySet());
            bases.addAll(detected.keySet());
            bases.addAll(components.keySet());
            bases.addAll(architecture.keySet());
            return List.copyOf(bases);
        }
    }

    List<BasePage> basePages() {
        Families families = new Families();
        for (Model m : context.modelsByName) {
            for (LineageLink l : m.lineage()) {
                FamilyMember member =
                        new FamilyMember(
                                rows.row(m),
                                context.label("relations", l.relation().term()),
                                l.grade().name(),
                                true);
                Families.add(
                        l.relation().derivesWeights()
                                ? families.derived
                                : l.relation() == Relation.ARCHITECTURE_ONLY
                                        ? families.architecture
                                        : families.components,
                        l.base(),
                        member);
            }
            for (Comparison c : context.analysis.of(m.id()).candidates()) {
                FamilyMember member =
                        new FamilyMember(
                                rows.row(m),
                                context.messages.format(
                                        "family_label_" + MessageKeys.suffix(c.finding())),
                                c.grade().name(),
                                false);
                Families.add(
                        c.shapeCompatible() ? families.detected : families.architecture,
                        c.base(),
                        member);
            }
        }
        List<BasePage> pages = new ArrayList<>();
        for (String id : families.bases()) {
            context.registry.model(id).ifPresent(base -> pages.add(page(base, families)));
        }
        return pages;
    }

    private BasePage page(Model base, Families families) {
        String id = base.id();
        List<FamilyMember> derived = families.derived.getOrDefault(id, List.of());
        List<FamilyMember> detected = families.detected.getOrDefault(id, List.of());
        List<FamilyMember> components = families.components.getOrDefault(id, List.of());
        List<FamilyMember> architecture = families.architecture.getOrDefault(id, List.of());
        String modelHref = context.paths.href(SitePaths.model(id));
        List<List<Link>> chains =
                context.analysis.indirectDescendants(id).stream()
                        .map(path -> path.stream().map(context::modelLink).toList())
                        .toList();
        return new BasePage(
                context.site,
                id,
                base.name(),
                context.paths.href(SitePaths.base(id)),
                modelHref,
                context.country(base.country()),
                context.organisationName(base.organisation()),
                derived,
                chains,
                detected,
                components,
                architecture,
                trees.ofBase(base),
                null); // the whole family; SitePlan splits it when a list is longer than a page
    }
}
