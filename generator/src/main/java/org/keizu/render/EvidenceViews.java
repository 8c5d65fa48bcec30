package org.keizu.render;

import java.util.List;
import org.keizu.render.Views.Citation;
import org.keizu.render.Views.CountryLink;
import org.keizu.render.Views.EventView;
import org.keizu.render.Views.FamilyTree;
import org.keizu.render.Views.Link;
import org.keizu.render.Views.SiteView;
import org.keizu.render.Views.SourceRef;
import org.keizu.render.Views.SourceView;
import org.keizu.render.Views.TermView;

/**
 * The view records of a model's evidence page ({@link ModelPage}) and of its versions: what only
 * that page prints, from the model's facts and verdict to its lineage, config comparison, disputes,
 * sources, history and act links. Records that other pages print as well (links, source references,
 * sources, events, terms, family trees, citations) stay in {@link Views}.
 */
public final class EvidenceViews {
    private EvidenceViews() {}

    /**
     * How a reader or a maker acts on an evidence page, each a complete address in the repository:
     * a pre-filled correction, a pre-filled right of reply naming the model, and the record's file
     * opened for editing.
     */
    public record ActLinks(String correction, String reply, String edit) {}

    public record ClaimView(
            String kind,
            String kindLabel,
            String quote,
            String language,
            boolean translated,
            String translation,
            boolean paraphrased,
            String date,
            String by,
            SourceRef source,
            String uncertain) {}

    /**
     * One evidence item; {@code summaryLang} is "en" when a translated page shows the English
     * summary for want of a translation ({@code untranslated}), else null.
     */
    public record EvidenceView(
            String kindLabel,
            String summary,
            String date,
            SourceRef source,
            String uncertain,
            String summaryLang,
            boolean untranslated,
            String figures) {}

    /**
     * One lineage link; {@code statement} is the plain-words finding ("Derived from X" or "Uses the
     * architecture of X").
     */
    public record LineageView(
            Link base,
            String relation,
            String relationLabel,
            boolean derivation,
            String grade,
            String gradeLabel,
            String statement,
            String component,
            String uncertain,
            List<EvidenceView> evidence) {}

    public record StatementView(
            String date,
            String by,
            String text,
            String language,
            boolean translated,
            String translation,
            boolean paraphrased,
            SourceRef source,
            String uncertain) {}

    public record DisputeView(
            Link base,
            String allegation,
            String raisedBy,
            String date,
            String status,
            SourceRef source,
            List<StatementView> replies,
            String uncertain) {}

    public record ObligationView(
            Link base,
            String requires,
            String met,
            String metOn,
            SourceRef source,
            String uncertain) {}

    public record CorrectionView(String date, String what) {}

    /**
     * An evidence page, as the sections a reader meets: who made the model, the verdict, what the
     * makers claim beside what the evidence shows, the configs compared, and how to cite it.
     */
    public record ModelPage(
            SiteView site,
            ModelFacts facts,
            VerdictView verdict,
            List<ClaimView> claims,
            LineageSection lineage,
            ConfigSection config,
            List<DisputeView> disputes,
            List<ObligationView> obligations,
            List<EventView> timeline,
            StatementView response,
            List<SourceView> sources,
            List<CorrectionView> corrections,
            List<TermView> grades,
            SearchFacets facets,
            Citation citation,
            ActLinks act,
            HistorySection history,
            VersionBanner version) {}

    /**
     * What a page of one version of a record says above everything else: which version it shows and
     * of what day, whether the record has changed since, and the way to the current record. Null on
     * the record's own page, which always shows its current state.
     */
    public record VersionBanner(int number, boolean current, String text, Link currentRecord) {}

    /**
     * The record's history from the repository: when it was first published and last changed, and
     * every change, newest first; {@code href} opens the change in the repository when the build
     * names one. Null when the build has no history (outside git, or a shallow clone).
     */
    public record HistorySection(
            String firstPublished, String lastChanged, List<ChangeView> changes) {}

    /**
     * One version of a record: its number, its name ("Version 3") and day, the page that shows it
     * ({@code href}; null when it can no longer be shown), whether this page is that version
     * ({@code shown}), and the change that made it: the commit's short id and where to see it in
     * the repository ({@code commitHref}, null when the build names none).
     */
    public record ChangeView(
            int number,
            String label,
            String date,
            String href,
            boolean shown,
            String commit,
            String commitHref) {}

    /** Who made the model, where, when, how large, and where its weights and record are. */
    public record ModelFacts(
            String id,
            String name,
            String nativeName,
            List<String> aliases,
            Link organisation,
            CountryLink country,
            Link programme,
            String released,
            String reviewed,
            String summary,
            SourceRef summarySource,
            String summaryLang,
            boolean summaryUntranslated,
            String parameters,
            SourceRef parametersSource,
            String hubRepo,
            String hubUrl,
            String licence,
            SourceRef licenceSource,
            String recordJsonHref) {}

    /**
     * The verdict as the page states it: its term, label and meaning, the headline, and whether it
     * is uncertain.
     */
    public record VerdictView(
            String term, String label, String meaning, String headline, boolean uncertain) {}

    /**
     * The declared lineage, strongest first. {@code chain} runs from the ultimate base down to this
     * model through every declared derivation (empty when the model derives directly or from
     * nothing held).
     */
    public record LineageSection(List<LineageView> links, List<Link> chain, FamilyTree tree) {}

    /**
     * The config the registry checks against, and its comparison with each base; a note when there
     * is none.
     */
    public record ConfigSection(
            String note, SnapshotView snapshot, List<ComparisonView> comparisons) {}

    /**
     * What the search index files a model under: its facets, each a plain label. Null where none
     * applies.
     */
    public record SearchFacets(
            String country,
            String organisation,
            String programme,
            String base,
            String relation,
            String grade,
            String verdict,
            String year) {}

    /** Where the config the registry checks against came from, stated plainly. */
    public record SnapshotView(
            String id,
            String repo,
            String revision,
            String revisionNote,
            String retrieved,
            String via,
            String viaUrl,
            String viaGrade,
            String caveats,
            List<FileView> files) {}

    /** A snapshot's file; {@code sizeText} is its size as the page's language writes numbers. */
    public record FileView(String name, String sha256, long size, String sizeText) {}

    /**
     * The config compared field by field with one base: differing fields first, each with its tier.
     */
    public record ComparisonView(
            Link base,
            String grade,
            String gradeLabel,
            String finding,
            boolean declared,
            List<FieldRow> different,
            List<FieldRow> equal,
            List<String> corroboration,
            List<String> notes,
            WeightsView weights) {}

    /**
     * Two weights fingerprints compared: what they show, a plot of the correlation layer by layer,
     * and every pair of tensors with the exact bytes read, so that anyone can fetch the same byte
     * ranges and re-run it.
     *
     * @param judged false when there was no rule to judge by (the finding is then null)
     * @param plot the per-layer plot; null when no compared tensor belongs to a layer
     */
    public record WeightsView(
            String finding,
            String findingLabel,
            String findingMeaning,
            String summary,
            String provenance,
            WeightsPlot plot,
            List<TensorRow> rows) {}

    /**
     * An inline SVG plot, its coordinates computed in Java so that the template only places them.
     *
     * @param guides the horizontal lines at the thresholds, each with its label
     */
    public record WeightsPlot(
            int width,
            int height,
            String title,
            String description,
            List<PlotLine> axes,
            List<PlotLine> guides,
            List<PlotText> labels,
            List<PlotPoint> points) {}

    public record PlotLine(String x1, String y1, String x2, String y2, String kind) {}

    public record PlotText(String x, String y, String anchor, String text) {}

    public record PlotPoint(String x, String y, String kind, String title) {}

    /**
     * One tensor sampled in both models.
     *
     * @param correlation r with two decimals, or a dash
     * @param counted whether it counts towards the finding; {@code reason} says why not
     */
    public record TensorRow(
            String name,
            String layer,
            boolean identical,
            String correlation,
            boolean counted,
            String reason,
            String thisBytes,
            String baseBytes) {}

    public record FieldRow(
            String field, String tier, String tierLabel, String thisValue, String baseValue) {}
}
