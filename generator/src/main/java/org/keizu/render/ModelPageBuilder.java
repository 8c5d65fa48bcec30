package org.keizu.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keizu.lineage.Analysis;
import org.keizu.lineage.VerdictRule;
import org.keizu.model.Claim;
import org.keizu.model.Dispute;
import org.keizu.model.Evidence;
import org.keizu.model.LicenceObligation;
import org.keizu.model.LineageLink;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.PartialDate;
import org.keizu.model.Statement;
import org.keizu.render.EvidenceViews.ClaimView;
import org.keizu.render.EvidenceViews.CorrectionView;
import org.keizu.render.EvidenceViews.DisputeView;
import org.keizu.render.EvidenceViews.EvidenceView;
import org.keizu.render.EvidenceViews.LineageSection;
import org.keizu.render.EvidenceViews.LineageView;
import org.keizu.render.EvidenceViews.ModelFacts;
import org.keizu.render.EvidenceViews.ModelPage;
import org.keizu.render.EvidenceViews.ObligationView;
import org.keizu.render.EvidenceViews.SearchFacets;
import org.keizu.render.EvidenceViews.StatementView;
import org.keizu.render.EvidenceViews.VerdictView;
import org.keizu.render.Views.Link;

/**
 * A model's evidence page, section by section: the facts, the verdict, what the makers claim beside
 * what the evidence shows, the configs compared ({@link ConfigEvidence}), disputes, the makers'
 * response, sources, corrections and the citation ({@link CitationBuilder}).
 */
final class ModelPageBuilder {
    private final ViewContext context;
    private final ConfigEvidence config;

    private final FamilyTrees trees;

    /**
     * Made on first use: a builder for a past version's page is handed its frame, and a frame's
     * citation styles take longer to read (citeproc parses two CSL styles) than the page to build.
     */
    private VersionFrames frames;

    ModelPageBuilder(ViewContext context) {
        this.context = context;
        this.trees = new FamilyTrees(context);
        this.config = new ConfigEvidence(context);
    }

    /** The record's own page: its current state, cited as its current version when it is one. */
    ModelPage page(Model model) {
        return page(model, frames().frame(model, context.versions.of(model.id()).current(), false));
    }

    /** Pages are built on several threads at once; the frames are made once, by the first. */
    private synchronized VersionFrames frames() {
        if (frames == null) {
            frames = new VersionFrames(context);
        }
        return frames;
    }

    /** A page of {@code model} (the record as it stands, or as it stood) in this frame. */
    ModelPage page(Model model, VersionFrames.Frame frame) {
        SourceNumbers refs = new SourceNumbers(model.sources(), context.language);
        Analysis.ModelAnalysis analysis = context.analysis.of(model.id());
        return new ModelPage(
                context.site,
                facts(model, refs),
                verdict(analysis.verdict()),
                model.claims().stream().map(c -> claim(c, refs)).toList(),
                new LineageSection(
                        model.lineage().stream()
                                .sorted(Comparator.comparing(LineageLink::grade).reversed())
                                .map(l -> lineage(l, refs))
                                .toList(),
                        chain(model.id(), analysis.ancestors()),
                        trees.ofModel(model)),
                config.section(model),
                model.disputes().stream().map(d -> dispute(d, refs)).toList(),
                model.licenceObligations().stream().map(o -> obligation(o, refs)).toList(),
                refs.timeline(model.timeline()),
                model.response() == null ? null : statement(model.response(), refs),
                refs.views(),
                model.corrections().stream()
                        .map(c -> new CorrectionView(context.date(c.date()), c.what()))
                        .toList(),
                context.terms("grades"),
                facets(model, analysis),
                frame.citation(),
                frame.act(),
                frame.history(),
                frame.banner());
    }

    private ModelFacts facts(Model model, SourceNumbers refs) {
        Organisation org = context.registry.organisation(model.organisation()).orElseThrow();
        Link organisation =
                new Link(
                        org.nativeName() == null
                                ? org.name()
                                : org.name() + " (" + org.nativeName() + ")",
                        context.paths.href(SitePaths.organisation(org.id())));
        Link programme =
                model.programme() == null
                        ? null
                        : context.registry
                                .programme(model.programme())
                                .map(
                                        p ->
                                                new Link(
                                                        p.name(),
                                                        context.paths.href(
                                                                SitePaths.programme(p.id()))))
                                .orElse(null);
        ViewContext.LocalText summary =
                model.summary() == null
                        ? context.text(null, java.util.Map.of())
                        : context.text(model.summary().text(), model.summary().translations());
        return new ModelFacts(
                model.id(),
                model.name(),
                model.nativeName(),
                model.aliases(),
                organisation,
                context.country(model.country()),
                programme,
                context.date(model.released()),
                context.date(model.reviewed()),
                summary.text(),
                model.summary() == null
                        ? null
                        : refs.ref(model.summary().source(), model.summary().passage()),
                summary.lang(),
                summary.untranslated(),
                model.parameters() == null ? null : parameters(model),
                model.parameters() == null ? null : refs.ref(model.parameters().source()),
                model.hub() == null ? null : model.hub().repo(),
                model.hub() == null ? null : "https://huggingface.co/" + model.hub().repo(),
                model.licence() == null ? null : model.licence().declared(),
                model.licence() == null ? null : refs.ref(model.licence().source()),
                context.paths.href(SitePaths.modelJson(model.id())));
    }

    private VerdictView verdict(VerdictRule.Finding verdict) {
        String term = verdict.verdict().term();
        return new VerdictView(
                term,
                context.label("verdicts", term),
                context.meaning("verdicts", term),
                context.messages.format(verdict.headline()),
                verdict.uncertain());
    }

    /** The chain from the ultimate base down to this model, when it runs through another model. */
    private List<Link> chain(String modelId, List<String> ancestors) {
        if (ancestors.size() < 2) {
            return List.of(); // a direct derivation: the lineage statement already names the base
        }
        List<String> down = new java.util.ArrayList<>(ancestors);
        java.util.Collections.reverse(down);
        down.add(modelId);
        return down.stream().map(context::modelLink).toList();
    }

    /** What the search index files the model under. */
    private SearchFacets facets(Model model, Analysis.ModelAnalysis analysis) {
        Optional<LineageLink> shown = analysis.principalLink();
        return new SearchFacets(
                context.country(model.country()).name(),
                context.organisationName(model.organisation()),
                model.programme() == null
                        ? null
                        : context.registry
                                .programme(model.programme())
                                .map(p -> p.name())
                                .orElse(null),
                shown.map(l -> context.modelName(l.base())).orElse(null),
                shown.map(l -> context.label("relations", l.relation().term())).orElse(null),
                shown.map(l -> l.grade().name()).orElse(null),
                context.label("verdicts", analysis.verdict().verdict().term()),
                PartialDate.parse(model.released())
                        .map(d -> String.valueOf(d.year()))
                        .orElse(null));
    }

    private ClaimView claim(Claim c, SourceNumbers refs) {
        return new ClaimView(
                c.kind().term(),
                context.label("claim-kinds", c.kind().term()),
                c.quote(),
                c.language(),
                c.translation() != null,
                c.translation(),
                c.isParaphrased(),
                context.date(c.date()),
                c.by(),
                refs.ref(c.source(), c.passage()),
                c.uncertain());
    }

    /**
     * One lineage link in plain words: "Derived from X" only for a derivation, "Uses the
     * architecture of X" for a shared architecture.
     */
    private LineageView lineage(LineageLink l, SourceNumbers refs) {
        Messages messages = context.messages;
        String base = context.modelName(l.base());
        String statement =
                switch (l.relation()) {
                    case ARCHITECTURE_ONLY -> messages.format("statement_architecture", base);
                    case COMPONENT ->
                            l.component() == null
                                    ? messages.format("statement_component_unnamed", base)
                                    : messages.format("statement_component", l.component(), base);
                    case TOKENIZER -> messages.format("statement_tokenizer", base);
                    default ->
                            messages.format(
                                    "statement_derived",
                                    base,
                                    context.label("relations", l.relation().term())
                                            .toLowerCase(Locale.ROOT));
                };
        List<EvidenceView> evidence = l.evidence().stream().map(e -> evidence(e, refs)).toList();
        return new LineageView(
                context.modelLink(l.base()),
                l.relation().term(),
                context.label("relations", l.relation().term()),
                l.relation().derivesWeights(),
                l.grade().name(),
                context.label("grades", l.grade().name()),
                statement,
                l.component(),
                l.uncertain(),
                evidence);
    }

    private EvidenceView evidence(Evidence e, SourceNumbers refs) {
        ViewContext.LocalText summary = context.text(e.summary(), e.translations());
        return new EvidenceView(
                context.label("evidence-kinds", e.kind()),
                summary.text(),
                context.date(e.date()),
                refs.ref(e.source(), e.passage()),
                e.uncertain(),
                summary.lang(),
                summary.untranslated(),
                figures(e));
    }

    /** The figures a source reports, in one sentence that says they are reported; or null. */
    private String figures(Evidence e) {
        if (e.figures().isEmpty()) {
            return null;
        }
        return context.messages.format(
                "figures_reported",
                e.figures().stream()
                        .map(
                                f ->
                                        context.messages.format(
                                                "figure_" + f.measure().replace('-', '_'),
                                                f.value()))
                        .collect(
                                java.util.stream.Collectors.joining(
                                        context.messages.format("figures_joiner"))));
    }

    private StatementView statement(Statement s, SourceNumbers refs) {
        return new StatementView(
                context.date(s.date()),
                s.by(),
                s.text(),
                s.language(),
                s.translation() != null,
                s.translation(),
                s.isParaphrased(),
                refs.ref(s.source(), s.passage()),
                s.uncertain());
    }

    private DisputeView dispute(Dispute d, SourceNumbers refs) {
        Link base = d.base() == null ? null : context.modelLink(d.base());
        return new DisputeView(
                base,
                d.allegation(),
                d.raisedBy(),
                context.date(d.date()),
                context.messages.format("dispute_status_" + MessageKeys.suffix(d.status().term())),
                refs.ref(d.source(), d.passage()),
                d.replies().stream().map(r -> statement(r, refs)).toList(),
                d.uncertain());
    }

    private ObligationView obligation(LicenceObligation o, SourceNumbers refs) {
        return new ObligationView(
                context.modelLink(o.base()),
                o.requires(),
                context.messages.format("licence_met_" + MessageKeys.suffix(o.met())),
                context.date(o.metOn()),
                refs.ref(o.source(), o.passage()),
                o.uncertain());
    }

    private String parameters(Model model) {
        String total = humanCount(model.parameters().total());
        return model.parameters().active() == null
                ? context.messages.format("parameters_total", total)
                : context.messages.format(
                        "parameters_active", total, humanCount(model.parameters().active()));
    }

    /** 671e9 becomes "671B", 1.04e12 "1.04T": the form model cards use. */
    static String humanCount(BigDecimal n) {
        BigDecimal[] scales = {
            new BigDecimal("1e12"), new BigDecimal("1e9"), new BigDecimal("1e6")
        };
        String[] suffixes = {"T", "B", "M"};
        for (int i = 0; i < scales.length; i++) {
            if (n.compareTo(scales[i]) >= 0) {
                return n.divide(scales[i], 2, RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString()
                        + suffixes[i];
            }
        }
        return n.stripTrailingZeros().toPlainString();
    }
}
