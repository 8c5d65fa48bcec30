package org.keizu.render;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keizu.lineage.Analysis;
import org.keizu.lineage.Verdict;
import org.keizu.model.Claim;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.render.Views.ModelList;
import org.keizu.render.Views.ModelRow;
import org.keizu.render.Views.VerdictCount;

/** The rows of the model tables every listing shows, and the verdict counts above them. */
final class ModelRows {
    private final ViewContext context;

    /** Each model's row as made, by id; null when rows are made afresh each time. */
    private final Map<String, ModelRow> made;

    ModelRows(ViewContext context) {
        this(context, false);
    }

    /**
     * Rows that, if {@code shared}, are made once per model and handed to every list that asks: for
     * lists built together and dropped together ({@link ViewBuilder#listViews}).
     */
    ModelRows(ViewContext context, boolean shared) {
        this.context = context;
        this.made = shared ? new ConcurrentHashMap<>() : null;
    }

    /**
     * One row: the model, its maker, what the makers claim, the base it is shown with, and the
     * verdict.
     */
    ModelRow row(Model model) {
        return made == null ? newRow(model) : made.computeIfAbsent(model.id(), id -> newRow(model));
    }

    private ModelRow newRow(Model model) {
        Analysis.ModelAnalysis analysis = context.analysis.of(model.id());
        Verdict verdict = analysis.verdict().verdict();
        Optional<LineageLink> shown = analysis.principalLink();
        return new ModelRow(
                model.name(),
                model.nativeName(),
                context.paths.href(SitePaths.model(model.id())),
                context.country(model.country()),
                context.organisationName(model.organisation()),
                claimSummary(model),
                shown.map(l -> context.modelName(l.base())).orElse(null),
                shown.map(l -> context.label("relations", l.relation().term())).orElse(null),
                shown.map(l -> l.grade().name()).orElse(null),
                verdict.term(),
                context.label("verdicts", verdict.term()),
                analysis.verdict().uncertain(),
                verdict.ordinal());
    }

    /** A table of these models, in the site's order, with how many have each verdict. */
    ModelList list(List<Model> models) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Model m : models) {
            counts.merge(context.analysis.of(m.id()).verdict().verdict(), 1, Integer::sum);
        }
        List<VerdictCount> verdictCounts = new ArrayList<>();
        counts.forEach(
                (v, count) ->
                        verdictCounts.add(
                                new VerdictCount(
                                        v.term(),
                                        context.label("verdicts", v.term()),
                                        context.paths.href(SitePaths.verdict(v.term())),
                                        count)));
        return new ModelList(models.stream().map(this::row).toList(), verdictCounts);
    }

    /** The models that pass the test, in the site's order. */
    List<Model> where(java.util.function.Predicate<Model> test) {
        return context.modelsByName.stream().filter(test).toList();
    }

    /**
     * The kinds of claim the makers made, in the order they made them ("Vague, then names its
     * base").
     */
    private String claimSummary(Model model) {
        if (model.claims().isEmpty()) {
            return context.messages.format("claims_none_recorded");
        }
        List<String> kinds = new ArrayList<>();
        for (Claim c : model.claims()) {
            String kind = context.label("claim-kinds", c.kind().term());
            kind =
                    kinds.isEmpty()
                            ? kind
                            : kind.substring(0, 1).toLowerCase(Locale.ROOT) + kind.substring(1);
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return String.join(context.messages.format("claims_then"), kinds);
    }
}
