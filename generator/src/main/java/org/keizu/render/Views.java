package org.keizu.render;

import java.util.List;

/**
 * The view records templates receive: plain values, already decided and formatted in Java.
 * Optional values are null and the templates print them with a default.
 */
public final class Views {
    private Views() {
    }

    /** What every page needs: links are prefixed with {@code baseUrl}, which starts and ends with '/'. */
    public record SiteView(String baseUrl, String origin, String stylesheet, String script, String searchScript, String icon,
            String datasetDate, int modelCount,
            java.util.Map<String, String> msg, List<Link> nav) {
    }

    public record Link(String label, String href) {
    }

    /**
     * A citation marker: "[3]" linking to the source's entry on the same page, with the source's own
     * words that support the fact when the record gives them.
     */
    public record SourceRef(int number, String anchor, PassageView passage) {
    }

    /** Verbatim words of a source; {@code translation}, when present, is the registry's and is shown marked so. */
    public record PassageView(String text, String language, String translation) {
    }

    public record TermView(String term, String label, String meaning) {
    }

    public record ClaimView(String kind, String kindLabel, String quote, String language, boolean translated,
            String translation, boolean paraphrased, String date, String by, SourceRef source, String uncertain) {
    }

    public record EvidenceView(String kindLabel, String summary, String date, SourceRef source, String uncertain) {
    }

    /** One lineage link; {@code statement} is the plain-words finding ("Derived from X" or "Uses the architecture of X"). */
    public record LineageView(Link base, String relation, String relationLabel, boolean derivation, String grade,
            String gradeLabel, String statement, String component, String uncertain, List<EvidenceView> evidence) {
    }

    public record StatementView(String date, String by, String text, String language, boolean translated,
            String translation, boolean paraphrased, SourceRef source, String uncertain) {
    }

    public record DisputeView(Link base, String allegation, String raisedBy, String date, String status,
            SourceRef source, List<StatementView> replies, String uncertain) {
    }

    public record ObligationView(Link base, String requires, String met, String metOn, SourceRef source,
            String uncertain) {
    }

    public record EventView(String date, String event, SourceRef source, String uncertain) {
    }

    public record SourceView(int number, String anchor, String title, String publisher, String url, String archived,
            String published, String accessed, String language, String uncertain) {
    }

    public record CorrectionView(String date, String what) {
    }

    /**
     * An evidence page. {@code chain} runs from the ultimate base down to this model through every
     * declared derivation (empty when the model derives from nothing in the registry).
     */
    public record ModelPage(SiteView site, String id, String name, String nativeName, List<String> aliases,
            Link organisation, String country, String countryName, Link programme, String released, String reviewed,
            String summary, SourceRef summarySource, String parameters, SourceRef parametersSource, String hubRepo,
            String hubUrl, String licence, SourceRef licenceSource, String verdict, String verdictLabel,
            String verdictMeaning, boolean verdictUncertain, String headline, List<ClaimView> claims, List<LineageView> lineage,
            List<Link> chain, List<DisputeView> disputes, List<ObligationView> obligations, List<EventView> timeline,
            StatementView response, List<SourceView> sources, List<CorrectionView> corrections,
            List<TermView> grades, String snapshotNote, SnapshotView snapshot, List<ComparisonView> comparisons,
            SearchFacets facets, Citation citation) {
    }

    /** How to cite an evidence page: its permanent address, a text citation and a BibTeX entry. */
    public record Citation(String permalink, String title, String text, String bibtex, String reviewed) {
    }

    /** What the search index files a model under: its facets, each a plain label. Null where none applies. */
    public record SearchFacets(String country, String organisation, String programme, String base, String relation,
            String grade, String verdict, String year) {
    }

    /** Where the config the registry checks against came from, stated plainly. */
    public record SnapshotView(String id, String repo, String revision, String revisionNote, String retrieved,
            String via, String viaUrl, String viaGrade, String caveats, List<FileView> files) {
    }

    public record FileView(String name, String sha256, long size) {
    }

    /** The config compared field by field with one base: differing fields first, each with its tier. */
    public record ComparisonView(Link base, String grade, String gradeLabel, String finding, boolean declared,
            List<FieldRow> different, List<FieldRow> equal, List<String> corroboration) {
    }

    public record FieldRow(String field, String tier, String tierLabel, String thisValue, String baseValue) {
    }

    /** One row of the home page's table. */
    public record ModelRow(String name, String nativeName, String href, String country, String countryName,
            String maker, String claim, String detectedBase, String detectedRelation, String grade, String verdict,
            String verdictLabel, boolean verdictUncertain) {
    }

    public record VerdictCount(String verdict, String label, int count) {
    }

    public record IndexPage(SiteView site, ModelList models, List<CountryLink> countries, List<TermView> grades,
            List<TermView> verdicts) {
    }

    /** A list of models on a browse page, with the counts the page states. */
    public record ModelList(List<ModelRow> rows, List<VerdictCount> counts) {
    }

    public record CountryPage(SiteView site, String code, String name, ModelList models, int onForeignBase,
            int examined) {
    }

    public record CountryLink(String code, String name, String href, int count) {
    }

    public record CountriesPage(SiteView site, List<CountryLink> countries) {
    }

    public record VerdictPage(SiteView site, String verdict, String label, String meaning, ModelList models) {
    }

    public record OrganisationPage(SiteView site, String id, String name, String nativeName, String country,
            String countryName, String kind, String website, String summary, SourceRef summarySource,
            ModelList models, List<SourceView> sources) {
    }

    public record ProgrammePage(SiteView site, String id, String name, String nativeName, String country,
            String countryName, String funder, String started, String website, String summary, SourceRef summarySource,
            List<EventView> timeline, ModelList models, List<SourceView> sources) {
    }

    /** One model in a base's family, with how it relates and whether the makers or the detector said so. */
    public record FamilyMember(ModelRow model, String relationLabel, String grade, boolean declared) {
    }

    public record BasePage(SiteView site, String id, String name, String href, String country, String countryName,
            String maker, List<FamilyMember> derived, List<List<Link>> chains, List<FamilyMember> detected,
            List<FamilyMember> components, List<FamilyMember> architectureOnly, FamilyTree tree) {
    }

    /** The family drawn as inline SVG: boxes and the lines between them, laid out in Java. */
    public record FamilyTree(int width, int height, List<TreeNode> nodes, List<TreeEdge> edges, String description) {
    }

    public record TreeNode(int x, int y, int width, int height, String label, String fullLabel, String sublabel, String href,
            String kind) {
    }

    /** A connector drawn as an SVG path ({@code d}), routed so that it never crosses another box. */
    public record TreeEdge(String path, String kind, String label) {
    }

    public record ProsePage(SiteView site, String slug, String title, String html) {
    }

    public record PlainPage(SiteView site) {
    }

    /** The search page: the facets it offers, and where to browse without JavaScript. */
    public record SearchPage(SiteView site, List<Link> facets) {
    }
}
