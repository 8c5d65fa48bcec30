package org.keizu.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryBuild;
import org.keizu.RegistryLoad;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Findings;
import org.keizu.lineage.DetectionIndex;
import org.keizu.registry.Registry;

/**
 * The whole path: {@code fetch --weights} of a model and its declared base from a loopback hub,
 * then a build, then the evidence page as a reader gets it. And a refused fetch writes nothing.
 */
class WeightsEvidenceSiteTest {
    private static final String MODEL = "national-co/National-Model";
    private static final String BASE = "base-lab/Base-Model";
    private static final String MODEL_SHA = "2222222222222222222222222222222222222222";
    private static final String BASE_SHA = "3333333333333333333333333333333333333333";

    @TempDir static Path certificates;
    @TempDir Path root;
    private FakeHub hub;
    private Path data;

    @BeforeEach
    void start() throws Exception {
        data = TestRegistries.validFixture(root);
        hub = new FakeHub(certificates);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private FetchPolicy policy() {
        return hub.policy(Map.of("tokenizer.json", 1L << 20), 2, Duration.ofSeconds(10));
    }

    private List<RegistryFetch.Outcome> fetchWeights() {
        Registry registry = new RegistryLoad(data, root).run(new Findings());
        HubClient client = new HubClient(policy(), hub.clientSsl(), d -> {});
        RegistryFetch fetch =
                new RegistryFetch(
                        registry,
                        data,
                        new SnapshotFetcher(client, policy()),
                        new WeightsFetcher(client, policy()));
        return fetch.fetchWeights(
                fetch.withBases(List.of("national-model"), DetectionIndex.of(registry)),
                "2026-12-01",
                line -> {});
    }

    /** A tokenizer of {@code n} made-up tokens, the same for model and base. */
    private static byte[] tokenizer(int n) {
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < n; i++) {
            vocab.append(i == 0 ? "" : ",").append("\"tok").append(i).append("\":").append(i);
        }
        return ("{\"added_tokens\":[],\"model\":{\"vocab\":{" + vocab + "},\"merges\":[]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void publish(String repo, String sha, Path config, Map<String, byte[]> shards)
            throws Exception {
        publish(repo, sha, config, shards, true);
    }

    private void publish(
            String repo, String sha, Path config, Map<String, byte[]> shards, boolean ranges)
            throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", Files.readAllBytes(config));
        files.put("tokenizer.json", tokenizer(GeneratedWeights.VOCAB));
        files.putAll(shards);
        hub.publish(repo, sha, files);
        shards.forEach((name, bytes) -> hub.serveFile(repo, sha, name, bytes, ranges));
    }

    private void publishBoth(Map<String, byte[]> modelShards) throws Exception {
        GeneratedWeights base = GeneratedWeights.trained(1, GeneratedWeights.VOCAB);
        publish(
                BASE,
                BASE_SHA,
                data.resolve("snapshots/base-lab/Base-Model/unpinned-f7a3fc9dad94/config.json"),
                base.shards());
        publish(
                MODEL,
                MODEL_SHA,
                data.resolve("snapshots/fixture-org/Same-Shape/unpinned-583f7531e2a0/config.json"),
                modelShards);
    }

    @Test
    void aFineTuneIsShownCorrelatedWithItsBaseOnTheEvidencePage() throws Exception {
        publishBoth(
                GeneratedWeights.trained(1, GeneratedWeights.VOCAB).fineTuned(5, 0.01).shards());

        List<RegistryFetch.Outcome> outcomes = fetchWeights();

        assertEquals(2, outcomes.size(), outcomes.toString());
        assertFalse(outcomes.stream().anyMatch(RegistryFetch.Outcome::failed), outcomes.toString());
        assertTrue(
                outcomes.get(0).message().contains("33 tensors sampled from 2 files"),
                outcomes.toString());
        Path modelFolder = data.resolve("snapshots").resolve(MODEL).resolve(MODEL_SHA);
        Path baseFolder = data.resolve("snapshots").resolve(BASE).resolve(BASE_SHA);
        assertTrue(Files.isRegularFile(modelFolder.resolve("weights.json")));
        assertTrue(Files.isRegularFile(baseFolder.resolve("weights.json")));
        // The loopback hub's address is never published as a link; the snapshots' origin is put
        // where a real fetch would have taken it from. Nothing else is touched.
        for (Path folder : List.of(modelFolder, baseFolder)) {
            Path description = folder.resolve("snapshot.json");
            Files.writeString(
                    description,
                    Files.readString(description)
                            .replace(hub.uri().toString(), "https://huggingface.co"));
        }

        Path out = root.resolve("site");
        RegistryBuild.Result result =
                new RegistryBuild(TestRegistries.options(root))
                        .build(new RegistryBuild.Output(out, "/", "https://keizu.example", false));
        assertFalse(result.findings().hasErrors(), result.findings().sorted().toString());

        Document page =
                Jsoup.parse(out.resolve("models/national-model/index.html").toFile(), "UTF-8");
        Element weights = page.selectFirst(".comparison .weights");
        assertTrue(weights != null, "a weights section in the comparison with the base");
        assertTrue(
                weights.selectFirst(".weights-finding").text().startsWith("Weights correlated"),
                weights.text());
        assertTrue(weights.text().contains("33 tensors compared"), weights.text());
        Element plot = weights.selectFirst("figure.weights-plot svg");
        assertEquals("img", plot.attr("role"));
        assertEquals(16, plot.select("circle").size(), "one point per norm vector of a layer");
        assertEquals(16, plot.select("circle.point-correlated").size());
        assertEquals(33, weights.select("table.weights-table tbody tr").size());
        String stored = Files.readString(modelFolder.resolve("weights.json"));
        String firstHash = stored.replaceFirst("(?s).*?\"sha256\":\"([0-9a-f]{64})\".*", "$1");
        assertTrue(weights.text().contains(firstHash), "the exact bytes compared are named");
        assertTrue(weights.text().contains(MODEL_SHA) && weights.text().contains(BASE_SHA));
        Element comparison = weights.parent();
        assertTrue(
                comparison.text().contains("weights that correlate with the base's"),
                comparison.text());
        assertEquals("E3", comparison.selectFirst(".grade").text().strip());

        Document ja =
                Jsoup.parse(out.resolve("ja/models/national-model/index.html").toFile(), "UTF-8");
        assertTrue(ja.selectFirst(".weights-finding").text().startsWith("重みがベースモデルと相関"));
    }

    @Test
    void aDeclaredDerivationWithIndependentWeightsIsFlaggedForReview() throws Exception {
        publishBoth(GeneratedWeights.trained(2, GeneratedWeights.VOCAB).shards());

        List<RegistryFetch.Outcome> outcomes = fetchWeights();

        assertFalse(outcomes.stream().anyMatch(RegistryFetch.Outcome::failed), outcomes.toString());
        List<org.keizu.diagnostic.Finding> findings =
                TestRegistries.validate(root).sorted().stream()
                        .filter(f -> f.check() != org.keizu.diagnostic.Check.VAL_005)
                        .toList();
        assertEquals(1, findings.size(), findings.toString());
        org.keizu.diagnostic.Finding f = findings.get(0);
        assertEquals(org.keizu.diagnostic.Check.LIN_007, f.check());
        assertEquals("data/models/national-model.yaml", f.file());
        assertTrue(f.message().contains("independent of base-model"), f.message());
    }

    @Test
    void aServerThatIgnoresRangesGetsNothingWritten() throws Exception {
        publishBoth(GeneratedWeights.trained(1, GeneratedWeights.VOCAB).shards());
        publish(
                MODEL,
                MODEL_SHA,
                data.resolve("snapshots/fixture-org/Same-Shape/unpinned-583f7531e2a0/config.json"),
                GeneratedWeights.trained(3, GeneratedWeights.VOCAB).shards(),
                false);

        List<RegistryFetch.Outcome> outcomes = fetchWeights();

        assertTrue(outcomes.get(0).failed(), outcomes.toString());
        assertTrue(
                outcomes.get(0).message().contains("ignored the byte range"), outcomes.toString());
        try (Stream<Path> files =
                Files.list(data.resolve("snapshots").resolve(MODEL).resolve(MODEL_SHA))) {
            assertEquals(
                    List.of("config.json", "snapshot.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aRefusedFetchWritesNoFingerprint() throws Exception {
        publishBoth(Map.of("model.safetensors", GeneratedWeights.absurdHeader()));

        List<RegistryFetch.Outcome> outcomes = fetchWeights();

        assertTrue(outcomes.get(0).failed(), outcomes.toString());
        assertTrue(outcomes.get(0).message().contains("header length"), outcomes.toString());
        assertFalse(outcomes.get(1).failed(), "the base is still fingerprinted: " + outcomes);
        Path modelFolder = data.resolve("snapshots").resolve(MODEL).resolve(MODEL_SHA);
        try (Stream<Path> files = Files.list(modelFolder)) {
            assertEquals(
                    List.of("config.json", "snapshot.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the snapshot is kept, and no weights.json nor any half-written file");
        }
    }
}
