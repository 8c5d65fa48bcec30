package org.keizu.render;

import java.util.List;
import java.util.Optional;
import org.keizu.lineage.Analysis;
import org.keizu.lineage.WeightRule;
import org.keizu.load.Loaded;
import org.keizu.load.RecordVersions;
import org.keizu.model.Model;
import org.keizu.model.Vocabulary;
import org.keizu.registry.Registry;
import org.keizu.render.Views.Link;
import org.keizu.render.Views.SiteView;

/**
 * The view records of every page, built from the registry and its analysis by one small builder per
 * kind of page: {@link ModelPageBuilder} (evidence pages), {@link ListingPages} (home, countries,
 * verdicts, organisations, programmes), {@link FamilyPages} (bases and their families). Every
 * decision a page shows is made in Java; templates only print.
 */
public final class ViewBuilder {
    private final ViewContext context;
    private final ListingPages listings;
    private final ModelPageBuilder models;
    private final VersionFrames frames;
    private final Vocabulary vocabulary;

    public ViewBuilder(
            Registry registry,
            Analysis analysis,
            RecordVersions versions,
            Vocabulary vocabulary,
            SiteView site) {
        this.context = new ViewContext(registry, analysis, versions, vocabulary, site);
        this.vocabulary = vocabulary;
        this.listings = new ListingPages(context, new ModelRows(context));
        this.models = new ModelPageBuilder(context);
        this.frames = new VersionFrames(context);
    }

    /**
     * The generated parts of the prose pages, in this site's language, from the tables the code
     * uses.
     */
    public GeneratedProse generatedProse() {
        return new GeneratedProse(
                context.messages,
                context.analysis.weightRule(),
                term -> context.label(WeightRule.LIST, term));
    }

    public SiteView site() {
        return context.site;
    }

    /** What machines read: JSON-LD, last changes, share images and feed entries. */
    public MachineMetadata metadata() {
        return new MachineMetadata(context);
    }

    /**
     * Every model's id, in the order the site lists them; pages are built one at a time from these.
     */
    public List<String> modelIds() {
        return context.modelsByName.stream().map(Model::id).toList();
    }

    /** A model's record as it stands. */
    public Model model(String id) {
        return context.registry.model(id).orElseThrow();
    }

    /** The evidence page of one model. */
    public EvidenceViews.ModelPage modelPage(String id) {
        return models.page(context.registry.model(id).orElseThrow());
    }

    /** The numbers of the model's versions that have a page, oldest first. */
    public List<Integer> versionNumbers(String id) {
        return context.versions.of(id).all().stream()
                .filter(v -> v.loaded().isPresent())
                .map(RecordVersions.Version::number)
                .toList();
    }

    /**
     * The page of one version of a model's record, at its own address. The current version is the
     * record as it stands; an earlier one is shown as it then stood, analysed by today's rules in
     * the registry as it stands now (every other record, every config), which its banner says.
     */
    public EvidenceViews.ModelPage versionPage(String id, int number) {
        Model current = context.registry.model(id).orElseThrow();
        RecordVersions.Versions versions = context.versions.of(id);
        RecordVersions.Version version = versions.all().get(number - 1);
        VersionFrames.Frame frame = frames.frame(current, Optional.of(version), true);
        if (versions.current().filter(v -> v.number() == number).isPresent()) {
            return models.page(current, frame);
        }
        Loaded<Model> then = version.loaded().orElseThrow();
        Registry registry = context.registry.withModel(then);
        ViewContext past =
                new ViewContext(
                        registry,
                        context.analysis.withModel(registry, then.record()),
                        context.versions,
                        vocabulary,
                        context.site);
        return new ModelPageBuilder(past).page(then.record(), frame);
    }

    public Views.IndexPage index() {
        return listings.index();
    }

    public Views.CountriesPage countries() {
        return listings.countries();
    }

    public List<Views.CountryPage> countryPages() {
        return listings.countryPages();
    }

    /**
     * The pages that list models by country, verdict, organisation, programme and base, built
     * together: each model's row is made once and shared by every list that holds it (the country
     * pages the feeds read, {@link #countryPages}, make their own). At 30,000 models one language's
     * lists held some 150,000 rows while their pages were made, and took a build in a 512 MB heap
     * to its edge.
     */
    public ListViews listViews() {
        ModelRows shared = new ModelRows(context, true);
        return new ListViews(new ListingPages(context, shared), new FamilyPages(context, shared));
    }

    /** The list pages' views, made with shared rows ({@link #listViews}). */
    public static final class ListViews {
        private final ListingPages listings;
        private final FamilyPages families;

        private ListViews(ListingPages listings, FamilyPages families) {
            this.listings = listings;
            this.families = families;
        }

        public List<Views.CountryPage> countryPages() {
            return listings.countryPages();
        }

        public List<Views.VerdictPage> verdictPages() {
            return listings.verdictPages();
        }

        public List<Views.OrganisationPage> organisationPages() {
            return listings.organisationPages();
        }

        public List<Views.ProgrammePage> programmePages() {
            return listings.programmePages();
        }

        public List<Views.BasePage> basePages() {
            return families.basePages();
        }
    }

    /**
     * The glossary: every term the pages use for grades, relations, verdicts and the kinds of claim
     * and evidence, with its label and meaning in the page's language, so that a reader can quote
     * them as the registry means them.
     */
    public Views.GlossaryPage glossary() {
        return new Views.GlossaryPage(
                context.site,
                Bundles.TRANSLATED_VOCABULARIES.stream()
                        .filter(list -> vocabulary.lists().containsKey(list))
                        .map(
                                list ->
                                        new Views.GlossarySection(
                                                list,
                                                context.messages.format(
                                                        "glossary_" + list.replace('-', '_')),
                                                context.terms(list)))
                        .toList());
    }

    /** Where a reader without JavaScript can browse instead of searching. */
    public Views.SearchPage searchPage() {
        SitePaths paths = context.paths;
        Messages messages = context.messages;
        return new Views.SearchPage(
                context.site,
                List.of(
                        new Link(
                                messages.format("search_browse_countries"),
                                paths.href(SitePaths.COUNTRIES)),
                        new Link(
                                messages.format("search_browse_verdicts"),
                                paths.href(
                                        SitePaths.verdict(
                                                org.keizu.lineage.Verdict.DISCLOSED_AFTER_THE_FACT
                                                        .term()))),
                        new Link(
                                messages.format("search_browse_bases"),
                                paths.href(SitePaths.BASES))));
    }
}
