package org.keizu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.keizu.lineage.Comparison;
import org.keizu.lineage.LineageDetector;
import org.keizu.lineage.NormalisedConfig;

/**
 * A benchmark, not a test: how long {@code detect} takes to rank one config against 1,000 bases.
 * The bases are the registry's real configs, each varied in its shape fields so that no two are
 * alike. Prints medians over several runs, and the same figures for 100 bases as the comparison.
 * Run with {@code scripts/bench-detect.sh}.
 */
public final class DetectBenchmark {
    private static final int RUNS = 21;
    private static final int WARM_UP = 20;

    public static void main(String[] args) throws IOException {
        List<JsonNode> real = realConfigs(Path.of(args.length > 0 ? args[0] : "data/snapshots"));
        List<JsonNode> thousand = synthetic(real, 1000);
        List<JsonNode> hundred = thousand.subList(0, 100);
        JsonNode subject = real.get(0);
        LineageDetector detector = new LineageDetector();
        System.out.printf(
                "detect benchmark: %d real configs varied into %d synthetic bases; %d runs after %d warm-up runs%n",
                real.size(), thousand.size(), RUNS, WARM_UP);
        double[] t1000 = measure(detector, subject, thousand);
        double[] t100 = measure(detector, subject, hundred);
        double[] n1000 = measureNormalise(thousand);
        report("rank 1 config against 1,000 bases (normalise + compare + sort)", t1000);
        report("rank 1 config against   100 bases (the comparison)", t100);
        report("normalise 1,000 configs alone", n1000);
        System.out.printf(
                "ratio 1,000 / 100 bases (median): %.1fx; per base: %.1f us%n",
                median(t1000) / median(t100), median(t1000) * 1000 / thousand.size());
    }

    private static double[] measure(
            LineageDetector detector, JsonNode subject, List<JsonNode> bases) {
        double[] ms = new double[RUNS];
        for (int run = -WARM_UP; run < RUNS; run++) {
            long start = System.nanoTime();
            List<LineageDetector.Subject> subjects = new ArrayList<>(bases.size());
            for (int i = 0; i < bases.size(); i++) {
                subjects.add(LineageDetector.Subject.of("base-" + i, bases.get(i)));
            }
            List<Comparison> ranked =
                    detector.rank(LineageDetector.Subject.of("subject", subject), subjects);
            long elapsed = System.nanoTime() - start;
            if (ranked.size() != bases.size()) {
                throw new IllegalStateException("lost candidates");
            }
            if (run >= 0) {
                ms[run] = elapsed / 1e6;
            }
        }
        return ms;
    }

    private static double[] measureNormalise(List<JsonNode> configs) {
        double[] ms = new double[RUNS];
        for (int run = -WARM_UP; run < RUNS; run++) {
            long start = System.nanoTime();
            int fields = 0;
            for (JsonNode c : configs) {
                fields += NormalisedConfig.of(c).fields().size();
            }
            long elapsed = System.nanoTime() - start;
            if (fields == 0) {
                throw new IllegalStateException("nothing normalised");
            }
            if (run >= 0) {
                ms[run] = elapsed / 1e6;
            }
        }
        return ms;
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%-62s median %8.2f ms   min %8.2f   max %8.2f%n",
                what, median(ms), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static List<JsonNode> realConfigs(Path snapshots) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> configs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(snapshots)) {
            for (Path f :
                    files.filter(p -> p.getFileName().toString().equals("config.json"))
                            .sorted()
                            .toList()) {
                configs.add(json.readTree(f.toFile()));
            }
        }
        if (configs.isEmpty()) {
            throw new IllegalStateException("no configs under " + snapshots);
        }
        return configs;
    }

    /**
     * Varies the real configs' shape fields deterministically: base i gets hidden size + 64·(i / n)
     * and so on.
     */
    private static List<JsonNode> synthetic(List<JsonNode> real, int count) {
        List<JsonNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode c = real.get(i % real.size()).deepCopy();
            int step = i / real.size();
            if (c.has("hidden_size")) {
                c.put("hidden_size", c.get("hidden_size").asInt() + 64 * step);
            }
            if (c.has("vocab_size")) {
                c.put("vocab_size", c.get("vocab_size").asInt() + 128 * (step % 7));
            }
            c.put("num_hidden_layers", c.path("num_hidden_layers").asInt(32) + step % 5);
            out.add(c);
        }
        return out;
    }
}
