package org.keizu.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keizu.lineage.Analysis;
import org.keizu.lineage.Comparison;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Snapshot;
import org.keizu.model.UrlPolicy;
import org.keizu.render.EvidenceViews.ComparisonView;
import org.keizu.render.EvidenceViews.ConfigSection;
import org.keizu.render.EvidenceViews.FieldRow;
import org.keizu.render.EvidenceViews.FileView;
import org.keizu.render.EvidenceViews.SnapshotView;

/**
 * The evidence page's config section: where the config came from, and its comparison with each
 * base.
 */
final class ConfigEvidence {
    /** How many of the detector's undeclared candidates an evidence page shows. */
    static final int CANDIDATES_SHOWN = 3;

    private final ViewContext context;
    private final WeightsEvidence weights;

    ConfigEvidence(ViewContext context) {
        this.context = context;
        this.weights = new WeightsEvidence(context);
    }

    ConfigSection section(Model model) {
        return new ConfigSection(
                model.snapshot() == null ? context.messages.format("snapshot_none") : null,
                snapshot(model),
                comparisons(model));
    }

    private SnapshotView snapshot(Model model) {
        return context.analysis
                .of(model.id())
                .snapshot()
                .map(
                        loaded -> {
                            Snapshot s = loaded.snapshot();
                            Snapshot.Via via = s.via();
                            String from =
                                    switch (via.kind()) {
                                        case "mirror" ->
                                                context.messages.format(
                                                        "via_mirror",
                                                        via.repository(),
                                                        via.path(),
                                                        via.commit());
                                        case "extract" ->
                                                context.messages.format(
                                                        "via_extract",
                                                        via.repository(),
                                                        via.path(),
                                                        via.commit());
                                        default ->
                                                context.messages.format(
                                                        "via_" + MessageKeys.suffix(via.kind()));
                                    };
                            return new SnapshotView(
                                    s.id(),
                                    s.repo(),
                                    s.revision(),
                                    s.revisionNote(),
                                    context.date(s.retrieved()),
                                    from,
                                    UrlPolicy.publishable(via.url()),
                                    via.grade(),
                                    via.caveats(),
                                    s.files().stream()
                                            .map(
                                                    f ->
                                                            new FileView(
                                                                    f.name(),
                                                                    f.sha256(),
                                                                    f.size(),
                                                                    context.language.number(
                                                                            f.size())))
                                            .toList());
                        })
                .orElse(null);
    }

    /**
     * The comparison with every declared base that has a snapshot, then the detector's other
     * candidates that share at least the architecture class, strongest first.
     */
    private List<ComparisonView> comparisons(Model model) {
        Analysis.ModelAnalysis analysis = context.analysis.of(model.id());
        List<ComparisonView> views = new ArrayList<>();
        for (LineageLink link : model.lineage()) {
            Comparison c = analysis.declared().get(link.base());
            if (c != null) {
                views.add(view(c, true));
            }
        }
        analysis.candidates().stream()
                .limit(CANDIDATES_SHOWN)
                .forEach(c -> views.add(view(c, false)));
        return views;
    }

    private ComparisonView view(Comparison c, boolean declared) {
        List<FieldRow> different =
                c.different().stream()
                        .sorted(
                                Comparator.comparing((Comparison.FieldDifference d) -> d.tier())
                                        .thenComparing(d -> d.field()))
                        .map(
                                d ->
                                        new FieldRow(
                                                d.field(),
                                                d.tier().name(),
                                                tierLabel(d.tier()),
                                                d.thisText(),
                                                d.baseText()))
                        .toList();
        List<FieldRow> equal =
                c.matches().stream()
                        .sorted(
                                Comparator.comparing((Comparison.FieldMatch m) -> m.tier())
                                        .thenComparing(m -> m.field()))
                        .map(
                                m ->
                                        new FieldRow(
                                                m.field(),
                                                m.tier().name(),
                                                tierLabel(m.tier()),
                                                m.text(),
                                                m.text()))
                        .toList();
        return new ComparisonView(
                context.modelLink(c.base()),
                c.grade().name(),
                context.label("grades", c.grade().name()),
                context.messages.format(
                        MessageKeys.finding(c.finding()),
                        c.alsoFits().stream()
                                .map(id -> context.modelLink(id).label())
                                .collect(java.util.stream.Collectors.joining(", "))),
                declared,
                different,
                equal,
                c.corroboration().stream().map(context.messages::format).toList(),
                c.notes().stream().map(context.messages::format).toList(),
                c.weights()
                        .map(w -> weights.view(w, context.modelLink(c.base()).label()))
                        .orElse(null));
    }

    private String tierLabel(org.keizu.lineage.Tier tier) {
        return context.messages.format("tier_label_" + tier.name());
    }
}
