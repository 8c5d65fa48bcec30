package org.keizu.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keizu.RegistryBuild;
import org.keizu.TestRegistries;
import org.keizu.search.SearchIndex;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A benchmark, not a test: search over a synthetic registry of 10,000 model records. Prints the
 * index build time (median of 3 runs of the index over the built pages), the index's bytes on disk,
 * the bytes a browser downloads for a first query, and query latency in headless Chromium (median
 * and p95 over 60 queries), with the same figures for the real registry as the comparison. Run with
 * {@code scripts/bench-search.sh}.
 */
public final class SearchBenchmark {
    private static final String[] COUNTRIES = {
        "JP", "KR", "CN", "US", "FR", "IN", "TW", "AE", "SA", "DE"
    };
    private static final String[] WORDS = {
        "lattice", "harbour", "granite", "meadow", "cobalt", "saffron", "tundra", "lantern",
        "orchid", "quartz", "ember", "willow"
    };
    private static final String[] NATIVE = {"楽天", "네이버", "通义", "太極", "サクラ", "한빛"};

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("keizu-search-bench");
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.out.printf(
                "search benchmark: %,d synthetic records; work folder %s%n", records, work);
        Path synthetic = synthesise(work.resolve("synthetic"), records);
        Figures big =
                measure(
                        "synthetic " + records,
                        synthetic,
                        work.resolve("site-synthetic"),
                        List.of("lattice", "harbour 7", "楽天", "네이버", "model 1234"));
        Path real = work.resolve("real");
        TestRegistries.copyTree(TestRegistries.REAL_DATA, real.resolve("data"));
        Figures small =
                measure(
                        "real registry",
                        real.resolve("data"),
                        work.resolve("site-real"),
                        List.of("Rakuten", "DeepSeek", "楽天", "네이버", "Llama"));
        System.out.printf(
                "ratio synthetic / real: index build %.1fx, index bytes %.1fx, first-query bytes %.1fx, median latency %.1fx%n",
                big.indexSeconds / small.indexSeconds,
                (double) big.indexBytes / small.indexBytes,
                (double) big.firstQueryBytes / small.firstQueryBytes,
                big.medianMs / small.medianMs);
    }

    record Figures(
            double indexSeconds,
            long indexBytes,
            long firstQueryBytes,
            double medianMs,
            double p95Ms) {}

    static Figures measure(String label, Path data, Path out, List<String> queries)
            throws Exception {
        Path root = data.getParent();
        long start = System.nanoTime();
        RegistryBuild.Result result =
                new RegistryBuild(
                                new RegistryBuild.Options(
                                        data, TestRegistries.TEMPLATES, root, Optional.empty()))
                        .build(new RegistryBuild.Output(out, "/keizu/", "", false));
        double siteSeconds = (System.nanoTime() - start) / 1e9;
        if (result.findings().hasErrors()) {
            throw new IllegalStateException(result.findings().sorted().subList(0, 5).toString());
        }
        List<org.keizu.render.Language> languages =
                org.keizu.render.Language.available(TestRegistries.TEMPLATES);
        List<Path> pages = pagesInSiteOrder(out, languages);
        double[] runs = new double[3];
        for (int i = 0; i < runs.length; i++) {
            org.keizu.io.Folders.deleteTree(out.resolve("search-index"));
            long t = System.nanoTime();
            SearchIndex index =
                    new SearchIndex(
                            (path, bytes) -> {
                                Path file = out.resolve(path);
                                Files.createDirectories(file.getParent());
                                Files.write(file, bytes);
                            });
            for (Path page : pages) {
                index.offer(out.relativize(page).toString(), Files.readAllBytes(page));
            }
            index.finish();
            runs[i] = (System.nanoTime() - t) / 1e9;
        }
        long indexBytes;
        long indexFiles;
        try (Stream<Path> files = Files.walk(out.resolve("search-index"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            indexBytes = all.stream().mapToLong(p -> p.toFile().length()).sum();
            indexFiles = all.size();
        }
        long firstQueryBytes;
        double[] latencies;
        try (SiteServer server = new SiteServer(Map.of("/keizu/", out))) {
            ChromeDriver driver =
                    Browser.start(out.getParent().resolve("profile-" + out.getFileName()));
            try {
                server.takeSearchBytes();
                driver.get(
                        server.url(
                                "/keizu/search/?q="
                                        + java.net.URLEncoder.encode(queries.get(0), "UTF-8")));
                Browser.searchResults(driver, java.time.Duration.ofSeconds(60));
                // Counted by the server, uncompressed (the loopback server sends no gzip).
                firstQueryBytes = server.takeSearchBytes();
                // Each query typed into the page's form and submitted; timed until the status line
                // says how many were found, the results and their excerpts drawn.
                @SuppressWarnings("unchecked")
                List<Number> ms =
                        (List<Number>)
                                driver.executeAsyncScript(
                                        "var done = arguments[arguments.length - 1]; var qs = arguments[0];"
                                                + "var form = document.getElementById('search-form'); var status = document.getElementById('search-status');"
                                                + "function one(q) { return new Promise(function (resolve) {"
                                                + "  var t = performance.now(); var loading = form.getAttribute('data-loading');"
                                                + "  var seen = new MutationObserver(function () { if (status.textContent && status.textContent !== loading) { seen.disconnect(); resolve(performance.now() - t); } });"
                                                + "  seen.observe(status, {childList: true, characterData: true, subtree: true});"
                                                + "  status.textContent = ''; form.elements.q.value = q; form.requestSubmit(); }); }"
                                                + "(async function () { var out = [];"
                                                + " for (var i = 0; i < 60; i++) { var q = qs[i % qs.length] + (i >= qs.length ? ' ' + (i % 97) : '');"
                                                + "   out.push(await one(q)); } return out; })(qs).then(done, function (e) { done(['' + e]); });",
                                        queries);
                latencies = ms.stream().mapToDouble(Number::doubleValue).toArray();
            } finally {
                driver.quit();
            }
        }
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Figures f =
                new Figures(
                        median(runs),
                        indexBytes,
                        firstQueryBytes,
                        median(latencies),
                        sorted[(int) Math.ceil(0.95 * sorted.length) - 1]);
        System.out.printf(
                "%-18s site render %.1f s; search index from the built pages: median %.2f s (runs %s), %,d bytes in %,d files;"
                        + " first query downloads %,d bytes; query latency median %.1f ms, p95 %.1f ms (60 queries typed into one page, up to 50 results drawn)%n",
                label,
                siteSeconds,
                f.indexSeconds,
                Arrays.toString(round(runs)),
                indexBytes,
                indexFiles,
                firstQueryBytes,
                f.medianMs,
                f.p95Ms);
        return f;
    }

    /**
     * The site's pages as a build hands them on: the English pages (at the root), then each
     * translation's folder.
     */
    private static List<Path> pagesInSiteOrder(Path site, List<org.keizu.render.Language> languages)
            throws IOException {
        List<Path> ordered = new ArrayList<>();
        for (org.keizu.render.Language language : languages) {
            try (Stream<Path> files = Files.walk(site)) {
                files.filter(p -> p.toString().endsWith(".html"))
                        .filter(
                                p -> {
                                    String path = site.relativize(p).toString();
                                    return language.english()
                                            ? languages.stream()
                                                    .noneMatch(
                                                            l ->
                                                                    !l.english()
                                                                            && path.startsWith(
                                                                                    l.folder()))
                                            : path.startsWith(language.folder());
                                })
                        .sorted()
                        .forEach(ordered::add);
            }
        }
        return ordered;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * The real vocabularies, schemas, organisations, programmes and bases, plus {@code count}
     * generated models.
     */
    static Path synthesise(Path root, int count) throws IOException {
        Path data = root.resolve("data");
        TestRegistries.copyTree(TestRegistries.REAL_DATA, data);
        List<String> organisations = new ArrayList<>();
        try (Stream<Path> orgs = Files.list(data.resolve("organisations"))) {
            orgs.map(p -> p.getFileName().toString().replace(".yaml", ""))
                    .sorted()
                    .forEach(organisations::add);
        }
        String[] bases = {"deepseek-v3", "llama-2", "mistral-7b", "qwen2.5-7b", "llama-3.1-8b"};
        String[] relations = {"continued-pretraining", "fine-tune", "architecture-only"};
        for (int i = 1; i <= count; i++) {
            String id = String.format("synthetic-%05d", i);
            String word = WORDS[i % WORDS.length];
            String relation = relations[i % relations.length];
            String grade = relation.equals("architecture-only") ? "E1" : (i % 2 == 0 ? "E4" : "E2");
            String yaml =
                    "id: "
                            + id
                            + "\n"
                            + "name: "
                            + capitalise(word)
                            + " "
                            + i
                            + "\n"
                            + "native_name: "
                            + NATIVE[i % NATIVE.length]
                            + " "
                            + word
                            + " "
                            + i
                            + "\n"
                            + "organisation: "
                            + organisations.get(i % organisations.size())
                            + "\n"
                            + "country: "
                            + COUNTRIES[i % COUNTRIES.length]
                            + "\n"
                            + "released: "
                            + (2023 + i % 4)
                            + "-0"
                            + (1 + i % 9)
                            + "-1"
                            + (i % 9)
                            + "\n"
                            + "reviewed: 2026-11-29\n"
                            + "claims:\n  - kind: vague\n    quote: A "
                            + word
                            + " model built with care, number "
                            + i
                            + ", by the "
                            + WORDS[(i * 7) % WORDS.length]
                            + " team\n"
                            + "    language: en\n    source: card\n"
                            + "lineage:\n  - base: "
                            + bases[i % bases.length]
                            + "\n    relation: "
                            + relation
                            + "\n    grade: "
                            + grade
                            + "\n"
                            + "    evidence:\n      - kind: report\n        summary: Synthetic evidence for benchmark record "
                            + i
                            + " about "
                            + word
                            + ".\n"
                            + "        passage: {text: \"Record "
                            + i
                            + " was built on the base.\"}\n        source: card\n"
                            + "sources:\n  - id: card\n    title: \"[Synthetic card "
                            + i
                            + "]\"\n    url: https://example.org/synthetic/"
                            + i
                            + "\n    language: en\n";
            Files.writeString(data.resolve("models").resolve(id + ".yaml"), yaml);
        }
        return data;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
