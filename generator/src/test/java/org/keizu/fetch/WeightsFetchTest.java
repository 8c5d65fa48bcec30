package org.keizu.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.lineage.Comparison;
import org.keizu.lineage.LineageDetector;
import org.keizu.lineage.WeightRule;
import org.keizu.lineage.WeightsComparison;
import org.keizu.load.RecordMapper;
import org.keizu.load.VocabularyLoader;
import org.keizu.model.Grade;
import org.keizu.model.WeightsFingerprint;

/**
 * {@code fetch --weights} against a real HTTPS server on loopback serving generated safetensors
 * files: each kind of model graded as expected through the detector, with the thresholds of the
 * real {@code data/vocab/weight-findings.yaml}; lying files and a server that ignores ranges
 * refused.
 */
class WeightsFetchTest {
    private static final String BASE = "base-lab/Base-Model";
    private static final String SHA = "1111111111111111111111111111111111111111";
    private static final String CONFIG =
            "{\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"hidden_size\":64,"
                    + "\"num_hidden_layers\":8,\"intermediate_size\":172,\"num_attention_heads\":4,"
                    + "\"num_key_value_heads\":4,\"vocab_size\":3000,\"rope_theta\":10000.0}";

    @TempDir static Path certificates;
    private FakeHub hub;
    private final WeightRule rule =
            WeightRule.from(
                            new VocabularyLoader(new RecordMapper())
                                    .load(TestRegistries.REAL_DATA.resolve("vocab")))
                    .orElseThrow();

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub(certificates);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private FetchPolicy policy() {
        return hub.policy(Map.of(), 2, Duration.ofSeconds(10));
    }

    /** The fingerprint of {@code repo} at SHA, its listing asked of the hub as fetch asks it. */
    private WeightsFingerprint fetch(String repo) {
        HubClient client = new HubClient(policy(), hub.clientSsl(), d -> {});
        return new WeightsFetcher(client, policy())
                .fetch(HubRevision.at(client, policy(), repo, SHA), "2026-12-01", line -> {});
    }

    /** Publishes a repository whose safetensors files are served by range. */
    private void publish(String repo, String sha, Map<String, byte[]> shards, boolean ranges) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", CONFIG.getBytes(StandardCharsets.UTF_8));
        files.putAll(shards);
        hub.publish(repo, sha, files);
        shards.forEach((name, bytes) -> hub.serveFile(repo, sha, name, bytes, ranges));
    }

    private WeightsFingerprint fingerprint(String repo, GeneratedWeights model) {
        publish(repo, SHA, model.shards(), true);
        return fetch(repo);
    }

    private Comparison graded(WeightsFingerprint model, WeightsFingerprint base) {
        return graded(model, base, CONFIG);
    }

    /** The two compared by the detector, the model with {@code config}, the base with CONFIG. */
    private Comparison graded(WeightsFingerprint model, WeightsFingerprint base, String config) {
        try {
            return new LineageDetector(Optional.of(rule))
                    .compare(
                            LineageDetector.Subject.of(
                                            "model", RecordMapper.plainJson().readTree(config))
                                    .withWeights(model),
                            LineageDetector.Subject.of(
                                            "base", RecordMapper.plainJson().readTree(CONFIG))
                                    .withWeights(base));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void gradesEachKindOfModelAsItWasMade() {
        GeneratedWeights base = GeneratedWeights.trained(1, GeneratedWeights.VOCAB);
        WeightsFingerprint baseFingerprint = fingerprint(BASE, base);

        WeightsFingerprint copy = fingerprint("copier/Renamed-Base", base);
        WeightsFingerprint fineTune = fingerprint("tuner/Fine-Tune", base.fineTuned(7, 0.01));
        WeightsFingerprint extended =
                fingerprint("extender/Bigger-Vocab", base.fineTuned(8, 0.01).extended(9, 512));
        WeightsFingerprint independent =
                fingerprint(
                        "rival/Same-Architecture",
                        GeneratedWeights.trained(2, GeneratedWeights.VOCAB));

        Comparison c = graded(copy, baseFingerprint);
        assertEquals(WeightsComparison.IDENTICAL, c.weights().orElseThrow().finding());
        assertEquals(Grade.E4, c.grade());
        assertEquals(17, c.weights().get().identical(), "every norm vector byte for byte");

        c = graded(fineTune, baseFingerprint);
        assertEquals(WeightsComparison.CORRELATED, c.weights().orElseThrow().finding());
        assertEquals(Grade.E3, c.grade());
        assertEquals(0, c.weights().get().identical());
        assertTrue(c.weights().get().medianR() > 0.95, "r " + c.weights().get().medianR());

        // The config alone makes a vocabulary extension a lead (E1); the weights settle it.
        c =
                graded(
                        extended,
                        baseFingerprint,
                        CONFIG.replace("\"vocab_size\":3000", "\"vocab_size\":3512"));
        assertEquals(LineageDetector.VOCABULARY_EXTENSION, c.finding());
        assertEquals(WeightsComparison.CORRELATED, c.weights().orElseThrow().finding());
        assertEquals(Grade.E3, c.grade());
        assertEquals(
                33,
                c.weights().get().pairs().size(),
                "the embedding rows pair across the larger vocabulary");

        c = graded(independent, baseFingerprint);
        assertEquals(WeightsComparison.INDEPENDENT, c.weights().orElseThrow().finding());
        assertEquals(LineageDetector.INDEPENDENT_WEIGHTS, c.finding(), "the same shape, cleared");
        assertEquals(Grade.E1, c.grade());
        assertTrue(Math.abs(c.weights().get().medianR()) < 0.3);
        // A raw cosine of these norm vectors would be near one; the centred correlation is not.
        float[] a = WeightsComparison.values(norm(independent, "model.norm.weight"));
        float[] b = WeightsComparison.values(norm(baseFingerprint, "model.norm.weight"));
        assertTrue(cosine(a, b) > 0.95, "the trap the correlation avoids: " + cosine(a, b));
    }

    @Test
    void readsOnlyHeadersAndTheSampleByRange() {
        GeneratedWeights base = GeneratedWeights.trained(1, GeneratedWeights.VOCAB);
        long total = base.shards().values().stream().mapToLong(f -> f.length).sum();
        WeightsFingerprint f = fingerprint(BASE, base);

        assertEquals(2, f.shards().size());
        assertEquals(17 + 16, f.tensors().size(), "17 norm vectors and 16 embedding rows");
        assertEquals(hub.bodyBytes.get(), f.downloaded(), "every byte the hub sent is counted");
        assertTrue(f.downloaded() < total / 3, f.downloaded() + " of " + total);
        for (int i = 0; i < hub.requests.size(); i++) {
            if (hub.requests.get(i).endsWith(".safetensors")) {
                assertTrue(hub.ranges.get(i).startsWith("bytes="), "a range request each time");
            }
        }
        var norm =
                f.tensors().stream()
                        .filter(t -> t.name().equals("model.layers.5.input_layernorm.weight"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("norm", norm.role());
        assertEquals(5, norm.layer());
        assertTrue(norm.whole());
        assertEquals(128, norm.length(), "64 BF16 values, read whole");
        assertEquals("model-00002-of-00002.safetensors", norm.file());
        var row =
                f.tensors().stream()
                        .filter(t -> t.name().equals("model.embed_tokens.weight[2500]"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("embedding-row", row.role());
        assertFalse(row.whole());
    }

    /**
     * What {@code fetch --weights} downloads for a model of Llama 2 7B's size and layout: the
     * figure the README quotes (printed by this test).
     */
    @Test
    void aSevenBillionParameterModelCostsAboutHalfAMegabyte() {
        Map<String, byte[]> listing = new LinkedHashMap<>();
        listing.put("config.json", CONFIG.getBytes(StandardCharsets.UTF_8));
        Map<String, FakeHub.Body> files = GeneratedWeights.sevenBillionShaped();
        files.keySet().forEach(name -> listing.put(name, new byte[0]));
        hub.publish("big-lab/Seven-B", SHA, listing);
        files.forEach((name, body) -> hub.serveFile("big-lab/Seven-B", SHA, name, body, true));
        long total = files.values().stream().mapToLong(FakeHub.Body::size).sum();

        WeightsFingerprint f = fetch("big-lab/Seven-B");

        System.out.printf(
                "fetch --weights of a 7B-shaped model (%d files, %,d bytes): %d tensors sampled,"
                        + " %,d bytes downloaded in %d requests%n",
                files.size(), total, f.tensors().size(), f.downloaded(), rangedRequests());
        assertEquals(65 + 16, f.tensors().size(), "65 norm vectors and 16 embedding rows");
        assertEquals(hub.bodyBytes.get(), f.downloaded());
        assertTrue(f.downloaded() < 1_000_000, "under a megabyte: " + f.downloaded());
        assertTrue(
                f.tensors().stream()
                        .filter(t -> t.role().equals("norm"))
                        .allMatch(t -> t.whole() && t.length() == 8192),
                "every norm vector read whole");
    }

    @Test
    void refusesAHeaderThatPointsPastTheEndOfTheFile() {
        publish(BASE, SHA, Map.of("model.safetensors", GeneratedWeights.lyingOffsets()), true);
        FetchException e = assertThrows(FetchException.class, () -> fetch(BASE));
        assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
        assertEquals(1, rangedRequests(), "nothing read past the header");
    }

    @Test
    void refusesAnAbsurdHeaderLength() {
        publish(BASE, SHA, Map.of("model.safetensors", GeneratedWeights.absurdHeader()), true);
        FetchException e = assertThrows(FetchException.class, () -> fetch(BASE));
        assertTrue(e.getMessage().contains("header length"), e.getMessage());
        assertEquals(1, rangedRequests());
    }

    @Test
    void refusesAServerThatIgnoresRanges() {
        GeneratedWeights base = GeneratedWeights.trained(1, GeneratedWeights.VOCAB);
        publish(BASE, SHA, base.shards(), false);
        FetchException e = assertThrows(FetchException.class, () -> fetch(BASE));
        assertTrue(e.getMessage().contains("ignored the byte range"), e.getMessage());
        assertEquals(1, rangedRequests(), "no second file asked for");
    }

    @Test
    void refusesAnAnswerForAnotherRangeThanAskedAndABodyLongerThanIt() {
        Map<String, byte[]> listing = new LinkedHashMap<>();
        listing.put("config.json", CONFIG.getBytes(StandardCharsets.UTF_8));
        listing.put("model.safetensors", new byte[0]);
        hub.publish(BASE, SHA, listing);
        String path = "/" + BASE + "/resolve/" + SHA + "/model.safetensors";
        hub.on(
                path,
                new FakeHub.Answer(
                        206, Map.of("Content-Range", "bytes 5-100/1000"), new byte[96], false));
        FetchException e = assertThrows(FetchException.class, () -> fetch(BASE));
        assertTrue(e.getMessage().contains("asked for bytes 0-16383"), e.getMessage());

        hub.on(
                path,
                new FakeHub.Answer(
                        206,
                        Map.of("Content-Range", "bytes 0-16383/100000"),
                        new byte[20000],
                        true));
        e = assertThrows(FetchException.class, () -> fetch(BASE));
        assertTrue(e.getMessage().contains("over the cap of 16384"), e.getMessage());
    }

    @Test
    void judgesNothingFromTooFewTensors() {
        GeneratedWeights base = GeneratedWeights.trained(1, GeneratedWeights.VOCAB);
        WeightsFingerprint f = fingerprint(BASE, base);
        WeightsFingerprint few =
                new WeightsFingerprint(
                        f.repo(),
                        f.revision(),
                        f.retrieved(),
                        f.method(),
                        f.downloaded(),
                        f.shards(),
                        f.tensors().subList(0, 3));
        assertEquals(
                WeightsComparison.TOO_FEW,
                WeightsComparison.of(few, f, 0, rule).orElseThrow().finding());
    }

    private static WeightsFingerprint.SampledTensor norm(WeightsFingerprint f, String name) {
        return f.tensors().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private long rangedRequests() {
        return hub.requests.stream().filter(p -> p.endsWith(".safetensors")).count();
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
