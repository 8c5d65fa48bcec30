package org.keizu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.keizu.diagnostic.Findings;
import org.keizu.load.CommitDate;
import org.keizu.load.Loaded;
import org.keizu.load.ProsePages;
import org.keizu.load.RecordMapper;
import org.keizu.load.Registry;
import org.keizu.load.VocabularyLoader;
import org.keizu.model.Model;
import org.keizu.model.PartialDate;
import org.keizu.model.Vocabulary;
import org.keizu.render.Messages;
import org.keizu.render.TemplateRenderer;
import org.keizu.render.ViewBuilder;
import org.keizu.render.Views;
import org.keizu.site.OpenData;
import org.keizu.site.SearchIndexer;
import org.keizu.site.SitePlan;
import org.keizu.site.SiteWriter;

/**
 * The one class to read first: it runs Keizu's phases in order.
 * <pre>
 *   load ─► validate ─► detect and judge (views) ─► render each page and open-data file, written at once
 *        into a staging folder ─► search index (Pagefind) ─► swap it in as site/
 * </pre>
 * Findings from every file are collected first; if any is an error, nothing is rendered and the
 * old site stays as it was. The build reads no clock and no network: the dataset's date is
 * {@code --as-of}, else the date of the commit the data is checked out at ({@link CommitDate}); only
 * a folder outside git or with uncommitted changes falls back to the newest {@code reviewed} date.
 */
public final class RegistryBuild {
    /** Where the inputs are, and how the output should be addressed. */
    public record Options(Path dataDir, Path templateDir, Path workingDir, Optional<PartialDate> asOf) {
    }

    /** What the built site is addressed as, and whether to run the search indexer (Pagefind) over it. */
    public record Output(Path dir, String baseUrl, String origin, boolean searchIndex) {
    }

    /** The outcome of a build: the findings, and the paths of the files written (empty when it stopped). */
    public record Result(Findings findings, List<String> files) {
    }

    private final Options options;

    public RegistryBuild(Options options) {
        this.options = options;
    }

    /** Phases 1 and 2: load every record and validate the registry. */
    public Findings validate() {
        Findings findings = new Findings();
        new RegistryLoad(options.dataDir(), options.workingDir(), fixedDate()).run(findings);
        ProsePages.read(options.dataDir().resolve("pages"), options.workingDir(), findings::add);   // published too
        return findings;
    }

    /** Every phase; writes {@code outDir} only when no finding is an error. */
    public Result build(Path outDir, String baseUrl) throws IOException {
        return build(new Output(outDir, baseUrl, "", false));
    }

    /** Every phase, as {@code output} says: the site's origin feeds sitemap.xml; the search index is the last step. */
    public Result build(Output output) throws IOException {
        Path outDir = output.dir();
        String baseUrl = output.baseUrl();
        String origin = output.origin();
        Findings findings = new Findings();
        Optional<PartialDate> fixed = fixedDate();
        Registry registry = new RegistryLoad(options.dataDir(), options.workingDir(), fixed).run(findings);
        if (findings.hasErrors()) {
            return new Result(findings, List.of());
        }
        List<ProsePages.Page> pages = ProsePages.read(options.dataDir().resolve("pages"), options.workingDir(), findings::add);
        if (findings.hasErrors()) {
            return new Result(findings, List.of());
        }
        Vocabulary vocabulary = new VocabularyLoader(new RecordMapper()).load(options.dataDir().resolve("vocab"));
        SitePlan plan = new SitePlan(new TemplateRenderer(options.templateDir()), options.templateDir());
        Views.SiteView site = plan.siteView(normaliseBaseUrl(baseUrl), origin, datasetDate(fixed, registry),
                registry.models().size(), pages);
        SearchIndexer search = new SearchIndexer(options.workingDir());
        List<String> written;
        // Each page goes to the staging folder as soon as it is rendered: memory does not grow with the site.
        try (SiteWriter.Staging staging = new SiteWriter(outDir).open()) {
            plan.render(new ViewBuilder(registry, vocabulary, site), pages, staging::write);
            new OpenData(registry, site.datasetDate(), origin + site.baseUrl(), new Messages(site.msg()))
                    .write(options.dataDir().resolve("schema"), staging::write);
            written = staging.paths().stream().sorted().toList();
            staging.commit(staged -> {
                if (output.searchIndex()) {
                    search.index(staged);
                }
            });
        }
        return new Result(findings, written);
    }

    /** The dataset's date when something outside the records fixes it: {@code --as-of}, else the commit's date. */
    private Optional<PartialDate> fixedDate() {
        return options.asOf().or(() -> CommitDate.of(options.dataDir()));
    }

    /** The date the dataset speaks for: the fixed date, else (a local preview) the newest review of any record. */
    private static String datasetDate(Optional<PartialDate> fixed, Registry registry) {
        return fixed.map(PartialDate::toString).orElseGet(() -> registry.models().stream()
                .map(Loaded::record).map(Model::reviewed)
                .map(PartialDate::parse).flatMap(Optional::stream)
                .max(PartialDate::compareTo).map(PartialDate::toString).orElse(""));
    }

    /** "/keizu" and "keizu/" both become "/keizu/", so templates can join paths without thinking. */
    public static String normaliseBaseUrl(String baseUrl) {
        String url = baseUrl.strip();
        if (!url.startsWith("/")) {
            url = "/" + url;
        }
        if (!url.endsWith("/")) {
            url = url + "/";
        }
        if (!url.matches("/([A-Za-z0-9._~-]+/)*")) {
            throw new IllegalArgumentException("--base-url must be a path such as / or /keizu/, not \"" + baseUrl + "\"");
        }
        return url;
    }
}
