package org.keizu.render;

import java.util.List;

/**
 * The view records templates receive: plain values, already decided and formatted in Java. Optional
 * values are null and the templates print them with a default. These are what every page shares and
 * the listing and family pages; what only a model's evidence page prints is in {@link
 * EvidenceViews}.
 */
public final class Views {
    private Views() {}

    /**
     * What every page needs. {@code baseUrl} starts and ends with '/' (the site's root, whatever
     * the language); templates never join paths themselves but use the ready-made links of {@code
     * href}. {@code language} is the language of the pages ({@code lang} its code, for {@code <html
     * lang>}); {@code datasetDateText} and {@code modelCountText} are the dataset's date (ISO in
     * {@code datasetDate}) and the count of models written as it writes them.
     */
    public record SiteView(
            String baseUrl,
            String origin,
            SiteHrefs href,
            String datasetDate,
            int modelCount,
            java.util.Map<String, String> msg,
            List<Link> nav,
            Language language,
            String lang,
            String datasetDateText,
            String modelCountText) {
        /** The site's paths in this view's language. */
        public SitePaths paths() {
            return new SitePaths(baseUrl, language.folder());
        }
    }

    /**
     * One language of a page with counterparts, for the {@code hreflang} alternates and the
     * language switch: its code, its name in itself, the counterpart's link ({@code href}) and
     * address ({@code url}, absolute when the origin is known), and whether it is the page's own.
     */
    public record LanguageLink(
            String code, String name, String href, String url, boolean current) {}

    /** The glossary: each vocabulary's terms with label and meaning, under a heading. */
    public record GlossaryPage(SiteView site, List<GlossarySection> sections) {}

    public record GlossarySection(String id, String heading, List<TermView> terms) {}

    /**
     * The links every page may show, each complete (base URL included); {@code repository} is null
     * when the build names no repository.
     */
    public record SiteHrefs(
            String home,
            String countries,
            String bases,
            String search,
            String searchIndex,
            String registryJson,
            String registryCsv,
            String stylesheet,
            String script,
            String searchScript,
            String icon,
            String repository,
            String root,
            String glossary) {}

    /**
     * What a page's frame offers beside its content: a pre-filled issue suggesting a correction to
     * this page (null when no repository is configured). Handed to every template as {@code
     * actions}.
     */
    public record PageActions(String correction) {}

    public record Link(String label, String href) {}

    /**
     * A citation marker: "[3]" linking to the source's entry on the same page, with the source's
     * own words that support the fact when the record gives them.
     */
    public record SourceRef(int number, String anchor, PassageView passage) {}

    /**
     * Verbatim words of a source; {@code translation}, when present, is the registry's and is shown
     * marked so.
     */
    public record PassageView(String text, String language, String translation) {}

    public record TermView(String term, String label, String meaning) {}

    public record EventView(String date, String event, SourceRef source, String uncertain) {}

    public record SourceView(
            int number,
            String anchor,
            String title,
            String publisher,
            String url,
            String archived,
            String published,
            String accessed,
            String language,
            String uncertain) {}

    /**
     * How to cite a page: its permanent address (a record's is the address of the cited version,
     * which never changes), the page search engines should treat as the original ({@code
     * canonical}: the record's own page), title, the day the cited state was made ({@code issued}),
     * its version (null without history) said in a sentence ({@code note}), the placeholder
     * standing for the reader's access date, and every format, made from one item.
     */
    public record Citation(
            String permalink,
            String canonical,
            String title,
            String issued,
            String version,
            String note,
            String accessed,
            List<CitationText> formats) {}

    /**
     * One citation format: its key (for the script), its name, its text, the file it is published
     * as ({@code path} under the site, {@code href} the link, {@code file} the name to save it as).
     */
    public record CitationText(
            String key, String label, String text, String path, String href, String file) {}

    /**
     * One row of a model table; {@code verdictRank} is the verdict's place in the registry's order,
     * by which the table's script sorts the verdict column.
     */
    public record ModelRow(
            String name,
            String nativeName,
            String href,
            CountryLink country,
            String maker,
            String claim,
            String detectedBase,
            String detectedRelation,
            String grade,
            String verdict,
            String verdictLabel,
            boolean verdictUncertain,
            int verdictRank) {}

    public record VerdictCount(String verdict, String label, String href, int count) {}

    /**
     * The home page: the models the registry examined ({@code models}), then the models held only
     * as bases or references ({@code bases}), which have no claim or lineage of their own.
     */
    public record IndexPage(
            SiteView site,
            ModelList models,
            ModelList bases,
            List<CountryLink> countries,
            List<TermView> grades,
            List<TermView> verdicts) {}

    /**
     * A list of models on a browse page, with the counts the page states (always of the whole
     * list); {@code pager} is null unless the list is split over several pages, when {@code rows}
     * are this page's.
     */
    public record ModelList(List<ModelRow> rows, List<VerdictCount> counts, Pager pager) {
        /** A list shown whole, on one page. */
        public ModelList(List<ModelRow> rows, List<VerdictCount> counts) {
            this(rows, counts, null);
        }
    }

    /**
     * Where a page stands among the pages of one long list: "Page 2 of 7", the links to the
     * previous and next pages (null at either end) and to every page, the current one marked.
     */
    public record Pager(String label, String previous, String next, List<PageLink> pages) {}

    /** One page of a list, as the pager links to it. */
    public record PageLink(String label, String href, boolean current) {}

    public record CountryPage(
            SiteView site,
            CountryLink country,
            ModelList models,
            int onForeignBase,
            int examined) {}

    /** A country: its code, name, the link to its page and how many models it has. */
    public record CountryLink(String code, String name, String href, int count) {}

    public record CountriesPage(SiteView site, List<CountryLink> countries) {}

    public record VerdictPage(
            SiteView site, String verdict, String label, String meaning, ModelList models) {}

    /**
     * What an organisation's or a programme's page opens with: its names, country, website and
     * summary, and the sources its facts cite.
     */
    public record Profile(
            String id,
            String name,
            String nativeName,
            CountryLink country,
            String website,
            String summary,
            SourceRef summarySource,
            String summaryLang,
            boolean summaryUntranslated,
            List<SourceView> sources) {}

    public record OrganisationPage(SiteView site, Profile profile, String kind, ModelList models) {}

    public record ProgrammePage(
            SiteView site,
            Profile profile,
            String funder,
            String started,
            List<EventView> timeline,
            ModelList models) {}

    /**
     * One model in a base's family, with how it relates and whether the makers or the detector said
     * so.
     */
    public record FamilyMember(
            ModelRow model, String relationLabel, String grade, boolean declared) {}

    /**
     * A base's family page; {@code href} is the family page, {@code modelHref} the base's own
     * evidence page. {@code pager} is null unless its lists are split over several pages, when the
     * lists hold this page's members and only the first page draws the tree.
     */
    public record BasePage(
            SiteView site,
            String id,
            String name,
            String href,
            String modelHref,
            CountryLink country,
            String maker,
            List<FamilyMember> derived,
            List<List<Link>> chains,
            List<FamilyMember> detected,
            List<FamilyMember> components,
            List<FamilyMember> architectureOnly,
            FamilyTree tree,
            Pager pager) {}

    /**
     * A chain of derivation drawn as inline SVG, laid out in Java ({@link TreeLayout}): boxes, the
     * lines between them, a title for screen readers and the legend of the forms it uses. Null on a
     * page with nothing to draw.
     */
    public record FamilyTree(
            int width,
            int height,
            List<TreeNode> nodes,
            List<TreeEdge> edges,
            String description,
            List<LegendItem> legend) {}

    /**
     * A box of the tree; {@code labelX}, {@code labelY} and {@code sublabelY} place its two lines
     * of text; {@code parent} is the id of the model it hangs from (null for the top one).
     */
    public record TreeNode(
            String id,
            int x,
            int y,
            int width,
            int height,
            int labelX,
            int labelY,
            int sublabelY,
            String label,
            String sublabel,
            String href,
            String kind,
            String parent) {}

    /**
     * A connector drawn as an SVG path ({@code d}) from a box down to its child, with its label
     * (grade and relation) centred on the last segment.
     */
    public record TreeEdge(String path, String kind, String label, int labelX, int labelY) {}

    /**
     * One form the tree uses ({@code shape} "node" or "edge", with its {@code kind}), and what it
     * means.
     */
    public record LegendItem(String shape, String kind, String label) {}

    /**
     * A page written in Markdown: its HTML, and on the cite page the registry's citation ({@code
     * citation}, else null) with the HTML that follows it ({@code htmlAfter}).
     */
    public record ProsePage(
            SiteView site,
            String slug,
            String title,
            String html,
            Citation citation,
            String htmlAfter,
            boolean untranslated) {}

    public record PlainPage(SiteView site) {}

    /** The search page, and where to browse without JavaScript. */
    public record SearchPage(SiteView site, List<Link> browse) {}

    /** An old address of a renamed record: the record's name and where it lives now. */
    public record RedirectPage(SiteView site, String name, String target) {}
}
