package org.keizu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Findings;
import org.keizu.diagnostic.Position;
import org.keizu.io.DaemonThreads;
import org.keizu.lineage.Analysis;
import org.keizu.lineage.ArchitectureClasses;
import org.keizu.lineage.DetectionIndex;
import org.keizu.lineage.WeightRule;
import org.keizu.load.CommitDate;
import org.keizu.load.Loaded;
import org.keizu.load.ProsePages;
import org.keizu.load.RecordBinder;
import org.keizu.load.RecordFiles;
import org.keizu.load.RecordHistory;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.load.RecordVersions;
import org.keizu.load.VocabularyLoader;
import org.keizu.model.Model;
import org.keizu.model.PartialDate;
import org.keizu.model.Vocabulary;
import org.keizu.registry.Registry;
import org.keizu.render.Bundles;
import org.keizu.render.Language;
import org.keizu.render.Messages;
import org.keizu.render.RepositoryLinks;
import org.keizu.render.TemplateRenderer;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;
import org.keizu.search.SearchIndex;
import org.keizu.site.AddressCheck;
import org.keizu.site.OpenData;
import org.keizu.site.OutputFile;
import org.keizu.site.ShareImages;
import org.keizu.site.SitePlan;
import org.keizu.site.SiteWriter;
import org.keizu.validate.DetectionCheck;
import org.keizu.validate.SchemaValidator;
import org.keizu.validate.Validation;

/**
 * The one class to read first: it runs Keizu's five phases in order.
 *
 * <pre>
 *   1 load      records, snapshots and prose pages, each file parsed, schema-checked and bound ({@link RegistryLoad})
 *   2 validate  the checks across records: ids, references, values, dates, lineage, snapshots ({@link Validation})
 *   3 analyse   detection and verdicts, computed once into an immutable {@link Analysis};
 *               declared lineage checked against the configs ({@link DetectionCheck})
 *   4 render    every page and open-data file, each handed to the staging folder as soon as it is rendered,
 *               and each page marked for search to the search index ({@link SearchIndex})
 *   5 write     the search index, then the staged site swapped in as site/
 * </pre>
 *
 * Findings from every file are collected first; if any is an error, nothing is rendered and the old
 * site stays as it was. The build reads no clock and no network: the dataset's date is {@code
 * --as-of}, else the date of the commit the data is checked out at ({@link CommitDate}); only a
 * folder outside git or with uncommitted changes falls back to the newest {@code reviewed} date.
 */
public final class RegistryBuild {
    /** Where the inputs are, and how the output should be addressed. */
    public record Options(
            Path dataDir, Path templateDir, Path workingDir, Optional<PartialDate> asOf) {}

    /**
     * What the built site is addressed as, whether to write its search index, and the repository
     * readers act in ({@code https://github.com/<owner>/<repo>}, or "" for none: then no page links
     * to a repository).
     */
    public record Output(
            Path dir, String baseUrl, String origin, boolean searchIndex, String repoUrl) {
        /** A site that names no repository. */
        public Output(Path dir, String baseUrl, String origin, boolean searchIndex) {
            this(dir, baseUrl, origin, searchIndex, "");
        }
    }

    /**
     * The outcome of a build: the findings, and the paths of the files written (empty when it
     * stopped).
     */
    public record Result(Findings findings, List<String> files) {}

    /**
     * What the first three phases give: every finding, the registry, its prose pages, their
     * analysis, the date the dataset speaks for, and the vocabularies (read once, for the detector
     * and the pages; empty in a data folder without them), and the translated prose pages by
     * language code.
     */
    public record Checked(
            Findings findings,
            Registry registry,
            List<ProsePages.Page> pages,
            Analysis analysis,
            String datasetDate,
            Optional<Vocabulary> vocabulary,
            java.util.Map<String, List<ProsePages.Page>> translatedPages) {}

    private final Options options;

    /**
     * The schemas, compiled once per build (kept by {@code keizu serve} while they do not change):
     * the load and the versions' pages both need them.
     */
    private Future<SchemaValidator> schema;

    /** Null: each load reads every file afresh. */
    private final RegistryLoad.Cache loads;

    public RegistryBuild(Options options) {
        this(options, null);
    }

    /**
     * A build whose load takes unchanged files from {@code loads}, kept between the rebuilds of
     * {@code keizu serve}.
     */
    public RegistryBuild(Options options, RegistryLoad.Cache loads) {
        this.options = options;
        this.loads = loads;
    }

    private SchemaValidator schema() {
        return DaemonThreads.result(compiledSchema());
    }

    /**
     * The schemas, compiled on another thread the first time they are asked for: the load lists the
     * records meanwhile, and needs them only to check the first.
     */
    private Future<SchemaValidator> compiledSchema() {
        if (schema == null) {
            Path schemas = options.dataDir().resolve("schema");
            schema =
                    loads != null
                            ? CompletableFuture.completedFuture(loads.validator(schemas))
                            : DaemonThreads.begin(
                                    "keizu-schemas", () -> new SchemaValidator(schemas));
        }
        return schema;
    }

    /** Phases 1 to 3: load, validate and analyse, collecting every finding. */
    public Checked check() {
        Findings findings = new Findings();
        // The commit's date is read from the repository (and its status checked) while the records
        // load: both read files, and neither needs the other.
        Future<Optional<PartialDate>> commitDate =
                DaemonThreads.begin("keizu-commit-date", this::fixedDate);
        Registry registry =
                new RegistryLoad(options.dataDir(), options.workingDir(), compiledSchema(), loads)
                        .run(findings);
        Optional<PartialDate> fixed = DaemonThreads.result(commitDate);
        List<ProsePages.Page> pages =
                ProsePages.read(
                        options.dataDir().resolve("pages"), options.workingDir(), findings::add);
        java.util.Map<String, List<ProsePages.Page>> translatedPages =
                ProsePages.readTranslations(
                        options.dataDir().resolve("pages"),
                        options.workingDir(),
                        pages,
                        findings::add);
        new Validation(options.dataDir(), options.workingDir(), fixed).run(registry, findings::add);
        AddressCheck.check(pages, findings::add);
        Optional<Vocabulary> vocabulary = vocabulary();
        Bundles.check(options.templateDir(), vocabulary.orElse(null), findings::add);
        Analysis analysis =
                Analysis.of(
                        registry,
                        vocabulary.map(ArchitectureClasses::from).orElse(ArchitectureClasses.NONE),
                        vocabulary.flatMap(WeightRule::from));
        new DetectionCheck(analysis).check(registry, findings::add);
        if (RecordHistory.isShallow(options.dataDir())) {
            findings.add(
                    Finding.warning(
                            RecordFiles.display(options.dataDir(), options.workingDir()),
                            Position.WHOLE_FILE,
                            Check.HIST_001,
                            "the repository is a shallow clone, so each record's list of changes is"
                                    + " left out of its page; fetch the whole history (git fetch"
                                    + " --unshallow) to publish it"));
        }
        return new Checked(
                findings,
                registry,
                pages,
                analysis,
                datasetDate(fixed, registry),
                vocabulary,
                translatedPages);
    }

    /**
     * What {@code checked} gave, with the model {@code earlier} replaced by what its file holds
     * now: for {@code keizu serve} to show an edited model's pages before the whole registry is
     * checked again. Provisional: only the file's own load (parsing, schema, binding) has checked
     * the edit, and the checks across the registry follow. Empty, so that only a whole check will
     * do, when that load finds anything, when the edit changed the model's id (and so its pages'
     * address), or when it changed what the detector's index was built from: the model's snapshot,
     * or the lineage of a model that holds one.
     */
    public Optional<Checked> withEditedModel(Checked checked, Loaded<Model> earlier) {
        Findings own = new Findings();
        Optional<Loaded<Model>> edited =
                new RegistryLoad(options.dataDir(), options.workingDir(), schema())
                        .model(earlier.source().file(), own);
        if (edited.isEmpty() || !own.sorted().isEmpty()) {
            return Optional.empty();
        }
        Model before = earlier.record();
        Model after = edited.get().record();
        boolean sameIndex =
                java.util.Objects.equals(before.snapshot(), after.snapshot())
                        && (after.snapshot() == null || before.lineage().equals(after.lineage()));
        if (!before.id().equals(after.id()) || !sameIndex) {
            return Optional.empty();
        }
        Registry registry = checked.registry().withModel(edited.get());
        return Optional.of(
                new Checked(
                        own,
                        registry,
                        checked.pages(),
                        checked.analysis().withModel(registry, edited.get().record()),
                        checked.datasetDate(),
                        checked.vocabulary(),
                        checked.translatedPages()));
    }

    /**
     * Phase 1 and the detector's index alone, for {@code keizu detect}: ranking one config needs
     * the held configs and the records that hold them ({@link RegistryLoad#snapshotHolders()}), not
     * the other records, the checks across records nor every model's verdict (which compare every
     * held config with every other). The load's findings are added to {@code findings}.
     */
    public DetectionIndex detection(Findings findings) {
        // The vocabulary is read while the records load: neither needs the other.
        Future<Optional<Vocabulary>> vocabularyRead =
                DaemonThreads.begin("keizu-vocabulary", this::vocabulary);
        Registry registry =
                new RegistryLoad(options.dataDir(), options.workingDir())
                        .snapshotHolders()
                        .run(findings);
        Optional<Vocabulary> vocabulary = DaemonThreads.result(vocabularyRead);
        return DetectionIndex.of(
                registry,
                vocabulary.map(ArchitectureClasses::from).orElse(ArchitectureClasses.NONE),
                vocabulary.flatMap(WeightRule::from));
    }

    /** Phases 1 to 3, for {@code keizu validate}: the findings only. */
    public Findings validate() {
        return check().findings();
    }

    /** Every phase; writes {@code outDir} only when no finding is an error. */
    public Result build(Path outDir, String baseUrl) throws IOException {
        return build(new Output(outDir, baseUrl, "", false));
    }

    /**
     * Every phase, as {@code output} says: the site's origin feeds sitemap.xml; the search index is
     * the last step.
     */
    public Result build(Output output) throws IOException {
        return build(output, step -> {});
    }

    /** Files written between two progress lines of a build. */
    private static final int PROGRESS_EVERY = 1000;

    /**
     * As {@link #build(Output)}, telling {@code progress} what it is doing: each phase, and every
     * thousand files written (the command line shows these on a terminal only).
     */
    public Result build(Output output, java.util.function.Consumer<String> progress)
            throws IOException {
        progress.accept("checking the records");
        Checked checked = check();
        if (checked.findings().hasErrors()) {
            return new Result(checked.findings(), List.of());
        }
        progress.accept(
                "checked " + checked.registry().models().size() + " models; reading their history");
        RecordHistory history = RecordHistory.read(options.dataDir());
        // The checks are done with the parsed trees; the pages are rendered from the bound records,
        // and the open data reads each tree again. (keizu serve keeps them for its next checks.)
        checked.registry().releaseTrees();
        List<String> written;
        try (SiteWriter.Staging staging = new SiteWriter(output.dir()).open()) {
            // Phase 4: each page goes to the staging folder as soon as it is rendered, so memory
            // does not grow with the site.
            progress.accept("rendering the pages");
            int[] count = {0};
            render(
                    checked,
                    output,
                    history,
                    ShareImages.DRAWN,
                    file -> {
                        staging.write(file);
                        if (++count[0] % PROGRESS_EVERY == 0) {
                            progress.accept("rendered " + count[0] + " files");
                        }
                    });
            written = staging.paths().stream().sorted().toList();
            // Phase 5: the staged site, search index and all, swapped in; a failure leaves the old
            // site.
            staging.commit(staged -> {});
        }
        return new Result(checked.findings(), written);
    }

    /**
     * Phase 4 alone: every file of the site, in the fixed order, handed to {@code sink} as soon as
     * it is rendered, from what {@link #check()} gave without errors, the data folder's {@code
     * history} and the share {@code images}. Only the addresses of {@code output} count here, not
     * its folder or search index. {@link #build(Output)} hands the files to a staging folder;
     * {@code keizu serve} keeps the history and images between rebuilds and writes only the files
     * that changed. Versions that do not read in today's form are added to the findings as
     * warnings.
     */
    public void render(
            Checked checked,
            Output output,
            RecordHistory history,
            ShareImages images,
            SitePlan.Sink sink)
            throws IOException {
        rendering(checked, output, history, images).all(sink);
    }

    /**
     * Phase 4 made ready, the views of every language built once, for {@code keizu serve}: the
     * edited model's pages first ({@link Rendering#model}), then the whole site ({@link
     * Rendering#all}).
     */
    public Rendering rendering(
            Checked checked, Output output, RecordHistory history, ShareImages images) {
        SitePlan plan = plan(images);
        return new Rendering(
                checked, plan, editions(plan, checked, output, history), output.searchIndex());
    }

    /** The views of every language, ready to render the site or one model's pages. */
    public final class Rendering {
        private final Checked checked;
        private final SitePlan plan;
        private final List<SitePlan.Edition> editions;
        private final boolean searchIndex;

        private Rendering(
                Checked checked,
                SitePlan plan,
                List<SitePlan.Edition> editions,
                boolean searchIndex) {
            this.checked = checked;
            this.plan = plan;
            this.editions = editions;
            this.searchIndex = searchIndex;
        }

        /**
         * Every file of the site, in the fixed order, with each language's search index after its
         * pages (when the output wants one), then the open data.
         */
        public void all(SitePlan.Sink sink) throws IOException {
            if (searchIndex) {
                try (SearchIndex index =
                        new SearchIndex(
                                (path, bytes) -> sink.accept(new OutputFile(path, bytes)))) {
                    plan.render(
                            editions,
                            file -> {
                                index.offer(file.path(), file.bytes());
                                sink.accept(file);
                            });
                    index.finish();
                }
            } else {
                plan.render(editions, sink);
            }
            Views.SiteView english = editions.get(0).views().site();
            new OpenData(
                            checked.registry(),
                            checked.analysis(),
                            english,
                            new Messages(english.msg()))
                    .write(options.dataDir().resolve("schema"), sink);
        }

        /** The pages of one model alone, in every language, as {@link #all} writes them. */
        public void model(String id, SitePlan.Sink sink) throws IOException {
            plan.renderModel(editions, id, sink);
        }
    }

    private SitePlan plan(ShareImages images) {
        return new SitePlan(
                new TemplateRenderer(options.templateDir()), options.templateDir(), images);
    }

    /**
     * The views of each language, from what {@link #check()} gave. Versions that do not read in
     * today's form are added to the findings as warnings.
     */
    private List<SitePlan.Edition> editions(
            SitePlan plan, Checked checked, Output output, RecordHistory history) {
        Vocabulary vocabulary =
                checked.vocabulary()
                        .orElseGet(
                                () ->
                                        new VocabularyLoader(new RecordMapper())
                                                .load(options.dataDir().resolve("vocab")));
        RecordVersions versions = versions(checked, history);
        reportUnreadableVersions(checked, versions);
        List<SitePlan.Edition> editions = new ArrayList<>();
        for (Language language : Language.available(options.templateDir())) {
            Views.SiteView site =
                    plan.siteView(
                            language,
                            normaliseBaseUrl(output.baseUrl()),
                            output.origin(),
                            checked.datasetDate(),
                            checked.registry().models().size(),
                            checked.pages(),
                            RepositoryLinks.optional(output.repoUrl()));
            editions.add(
                    new SitePlan.Edition(
                            new ViewBuilder(
                                    checked.registry(),
                                    checked.analysis(),
                                    versions,
                                    vocabulary,
                                    site),
                            proseSources(checked, language)));
        }
        return editions;
    }

    /**
     * The prose pages of {@code language}, one for each English page in the English order: its
     * translation from {@code data/pages/<lang>/}, or the English page, marked untranslated.
     */
    private static List<SitePlan.ProseSource> proseSources(Checked checked, Language language) {
        List<ProsePages.Page> translated =
                language.english()
                        ? List.of()
                        : checked.translatedPages().getOrDefault(language.code(), List.of());
        List<SitePlan.ProseSource> sources = new ArrayList<>();
        for (ProsePages.Page page : checked.pages()) {
            Optional<ProsePages.Page> translation =
                    translated.stream().filter(t -> t.slug().equals(page.slug())).findFirst();
            sources.add(
                    new SitePlan.ProseSource(
                            translation.orElse(page),
                            !language.english() && translation.isEmpty()));
        }
        return sources;
    }

    /**
     * Each record's versions, from the data's git history: read here, for the pages, and not in
     * {@link #check()}, so {@code keizu validate} never pays for a walk of the history.
     */
    public RecordVersions versions(Checked checked) {
        return versions(checked, RecordHistory.read(options.dataDir()));
    }

    /** Each record's versions, from a history read before (kept between rebuilds). */
    private RecordVersions versions(Checked checked, RecordHistory history) {
        RecordMapper mappers = new RecordMapper();
        SchemaValidator schema = schema();
        return RecordVersions.of(
                checked.registry().models(),
                history,
                new RecordParser(mappers),
                new RecordBinder(mappers),
                parsed -> {
                    List<Finding> found = new ArrayList<>();
                    schema.validate(parsed, found::add);
                    return found.isEmpty();
                });
    }

    /**
     * The vocabularies of data/vocab/, read once: the detector compares architecture classes as
     * architectures.yaml says, and the pages label terms. Empty in a data folder without them (the
     * build then reports the missing folder).
     */
    private Optional<Vocabulary> vocabulary() {
        Path vocab = options.dataDir().resolve("vocab");
        return java.nio.file.Files.isDirectory(vocab)
                ? Optional.of(new VocabularyLoader(new RecordMapper()).load(vocab))
                : Optional.empty();
    }

    /**
     * A version today's schema cannot read, even upgraded, has no page: a warning for maintainers,
     * since a citation of it would lead nowhere until {@code RecordUpgrade} learns its form.
     */
    private static void reportUnreadableVersions(Checked checked, RecordVersions versions) {
        for (Loaded<Model> loaded : checked.registry().models()) {
            for (RecordVersions.Version v : versions.of(loaded.record().id()).all()) {
                if (v.loaded().isEmpty()) {
                    checked.findings()
                            .add(
                                    Finding.warning(
                                            loaded.file(),
                                            Position.WHOLE_FILE,
                                            Check.HIST_002,
                                            "version "
                                                    + v.number()
                                                    + " (commit "
                                                    + v.revision().shortCommit()
                                                    + ") does not read in today's form, so it"
                                                    + " has no page; teach RecordUpgrade the"
                                                    + " change that made it unreadable"));
                }
            }
        }
    }

    /**
     * The dataset's date when something outside the records fixes it: {@code --as-of}, else the
     * commit's date.
     */
    private Optional<PartialDate> fixedDate() {
        return options.asOf().or(() -> CommitDate.of(options.dataDir()));
    }

    /**
     * The date the dataset speaks for: the fixed date, else (a local preview) the newest review of
     * any record.
     */
    private static String datasetDate(Optional<PartialDate> fixed, Registry registry) {
        return fixed.map(PartialDate::toString)
                .orElseGet(
                        () ->
                                registry.models().stream()
                                        .map(Loaded::record)
                                        .map(Model::reviewed)
                                        .map(PartialDate::parse)
                                        .flatMap(Optional::stream)
                                        .max(PartialDate::compareTo)
                                        .map(PartialDate::toString)
                                        .orElse(""));
    }

    /**
     * "/keizu" and "keizu/" both become "/keizu/", so templates can join paths without thinking.
     */
    public static String normaliseBaseUrl(String baseUrl) {
        String url = baseUrl.strip();
        if (!url.startsWith("/")) {
            url = "/" + url;
        }
        if (!url.endsWith("/")) {
            url = url + "/";
        }
        if (!url.matches("/([A-Za-z0-9._~-]+/)*")) {
            throw new IllegalArgumentException(
                    "--base-url must be a path such as / or /keizu/, not \"" + baseUrl + "\"");
        }
        return url;
    }
}
