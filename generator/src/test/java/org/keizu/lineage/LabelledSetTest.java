package org.keizu.lineage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.model.Grade;

/**
 * The labelled set of issue 11 (deliverable 3): real configs whose lineage is known, each reduced
 * to the fields the detector compares (src/test/resources/detector/labelled, see its SOURCES.md),
 * ranked against the bases a registry would hold, and counted in a confusion matrix.
 *
 * <p>Bases: every config the repository holds (data/snapshots, and detector/*.json), and every
 * labelled record that is a release, an independent model (a release of its own) or marked {@code
 * held_as_base}. Every base is reduced to the same fields as the records (class, tier-B shape and
 * the release signature: rope_theta, rope_scaling, max_position_embeddings, sliding_window), so
 * that a verbatim config is not ranked below a reduced one for its extra tier-C keys; grades depend
 * on class and shape alone, so the reduction changes none.
 *
 * <p>Outcomes: a <b>false derivation</b> is an E2+ grade against a base that is not the record's
 * true base nor one of that base's own bases, or any E2+ for an independent model. A derivation is
 * <b>traced</b> when the best-ranked comparison names the nearest held member of its lineage at E2+
 * (for pruning, an E1 lead naming it counts); <b>lead only</b> when that base is named at E1 by a
 * lead (a finding other than architecture-only or unrelated); <b>missed</b> otherwise; <b>base not
 * held</b> when no member of its lineage is held. The test fails on any false derivation.
 */
class LabelledSetTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LABELLED =
            TestRegistries.REPO.resolve("generator/src/test/resources/detector/labelled");
    private static final Path DETECTOR_RESOURCES = LABELLED.getParent();

    private static final ArchitectureClasses CLASSES =
            ArchitectureClasses.from(
                    new org.keizu.load.VocabularyLoader(new org.keizu.load.RecordMapper())
                            .load(TestRegistries.REAL_DATA.resolve("vocab")));

    /** The release signature kept beside class and shape. */
    private static final List<String> RELEASE_FIELDS =
            List.of("rope_theta", "rope_scaling", "max_position_embeddings", "sliding_window");

    private static final List<String> COLUMNS =
            List.of(
                    "traced",
                    "lead only",
                    "missed",
                    "base not held",
                    "independent ≤E1",
                    "false derivation");

    record Truth(String base, List<String> ancestors, String relation) {
        /** The base, then its own bases, nearest first. */
        List<String> lineage() {
            List<String> all = new ArrayList<>();
            if (!base.equals("none")) {
                all.add(base);
            }
            all.addAll(ancestors);
            return all;
        }
    }

    record Labelled(String repo, JsonNode config, Truth truth, boolean heldAsBase) {
        boolean isBase() {
            return heldAsBase
                    || truth.relation().equals("release")
                    || truth.relation().equals("independent");
        }

        boolean isSubject() {
            return !heldAsBase && !truth.relation().equals("release");
        }
    }

    record Outcome(Labelled record, String column, String line) {}

    /** The fields kept for comparing: class, every tier-B field, the release signature. */
    static JsonNode reduce(JsonNode config) {
        Set<String> keep = new LinkedHashSet<>(ConfigFields.listed(Tier.A));
        keep.addAll(ConfigFields.listed(Tier.B));
        keep.addAll(RELEASE_FIELDS);
        ObjectNode out = JSON.createObjectNode();
        config.properties()
                .forEach(
                        e -> {
                            if (keep.contains(e.getKey())) {
                                out.set(e.getKey(), e.getValue());
                            }
                        });
        JsonNode text = config.path("text_config");
        if (text.isObject()) {
            out.set("text_config", reduce(text));
        }
        return out;
    }

    static List<Labelled> records() throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(LABELLED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode y = YAML.readTree(file.toFile());
                JsonNode config =
                        y.has("config_resource")
                                ? JSON.readTree(
                                        DETECTOR_RESOURCES
                                                .resolve(y.get("config_resource").asText())
                                                .toFile())
                                : y.get("config");
                JsonNode t = y.get("truth");
                List<String> ancestors = new ArrayList<>();
                t.path("ancestors").forEach(a -> ancestors.add(a.asText()));
                out.add(
                        new Labelled(
                                y.get("repo").asText(),
                                config,
                                new Truth(
                                        t.get("base").asText(),
                                        ancestors,
                                        t.get("relation").asText()),
                                y.path("held_as_base").asBoolean(false)));
            }
        }
        return out;
    }

    /** Every config the repository holds: the registry's snapshots and the detector's copies. */
    static Map<String, JsonNode> repositoryConfigs() throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        Path snapshots = TestRegistries.REAL_DATA.resolve("snapshots");
        try (Stream<Path> all = Files.walk(snapshots)) {
            for (Path p :
                    all.filter(f -> f.getFileName().toString().equals("config.json")).toList()) {
                Path rel = snapshots.relativize(p);
                out.put(rel.getName(0) + "/" + rel.getName(1), JSON.readTree(p.toFile()));
            }
        }
        try (Stream<Path> all = Files.list(DETECTOR_RESOURCES)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String id = p.getFileName().toString().replace(".json", "").replace("__", "/");
                out.putIfAbsent(id, JSON.readTree(p.toFile()));
            }
        }
        return out;
    }

    @Test
    void theLabelledSetHasNoFalseDerivation() throws IOException {
        List<Labelled> records = records();
        Map<String, LineageDetector.Subject> bases = new TreeMap<>();
        repositoryConfigs()
                .forEach(
                        (id, config) ->
                                bases.put(
                                        id,
                                        LineageDetector.Subject.of(id, reduce(config), CLASSES)));
        for (Labelled r : records) {
            if (r.isBase()) {
                bases.putIfAbsent(
                        r.repo(),
                        LineageDetector.Subject.of(r.repo(), reduce(r.config()), CLASSES));
            }
        }
        // As the registry knows each held base's declared lineage, the test knows each labelled
        // base's truth: a fine-tune keeps its base's shape (DetectionIndex.sameShapeParent).
        Map<String, String> sameShapeParents = new TreeMap<>();
        for (Labelled r : records) {
            if (bases.containsKey(r.repo()) && r.truth().relation().equals("fine-tune")) {
                sameShapeParents.put(r.repo(), r.truth().base());
            }
        }
        LineageDetector detector = new LineageDetector();
        List<Outcome> outcomes = new ArrayList<>();
        for (Labelled r : records.stream().filter(Labelled::isSubject).toList()) {
            LineageDetector.Subject self =
                    LineageDetector.Subject.of(r.repo(), reduce(r.config()), CLASSES);
            List<LineageDetector.Subject> others =
                    bases.values().stream().filter(b -> !b.id().equals(r.repo())).toList();
            outcomes.add(
                    classify(r, detector.rank(self, others, sameShapeParents), bases.keySet()));
        }
        report(outcomes, bases.keySet());
        List<String> falseDerivations =
                outcomes.stream()
                        .filter(o -> o.column().equals("false derivation"))
                        .map(Outcome::line)
                        .toList();
        assertTrue(
                falseDerivations.isEmpty(),
                falseDerivations.size()
                        + " false derivation(s):\n"
                        + String.join("\n", falseDerivations));
    }

    static Outcome classify(Labelled r, List<Comparison> ranked, Set<String> held) {
        Truth truth = r.truth();
        List<String> lineage = truth.lineage();
        List<Comparison> wrong =
                ranked.stream()
                        .filter(c -> c.grade().compareTo(Grade.E2) >= 0)
                        .filter(
                                c ->
                                        truth.relation().equals("independent")
                                                || !lineage.contains(c.base()))
                        .toList();
        Comparison best = ranked.isEmpty() ? null : ranked.get(0);
        String head = r.repo() + " [" + truth.relation() + " of " + truth.base() + "]";
        if (!wrong.isEmpty()) {
            String why =
                    wrong.stream().map(LabelledSetTest::explain).collect(Collectors.joining("; "));
            return new Outcome(r, "false derivation", head + " FALSE DERIVATION: " + why);
        }
        if (truth.relation().equals("independent")) {
            return new Outcome(r, "independent ≤E1", head + " best: " + describe(best));
        }
        Optional<String> target = lineage.stream().filter(held::contains).findFirst();
        if (target.isEmpty()) {
            return new Outcome(
                    r,
                    "base not held",
                    head + " none of " + lineage + " held; best: " + describe(best));
        }
        String base = target.get();
        String via = base.equals(truth.base()) ? "" : " (via its base's base " + base + ")";
        Comparison toBase =
                ranked.stream().filter(c -> c.base().equals(base)).findFirst().orElseThrow();
        int rank = ranked.indexOf(toBase) + 1;
        boolean isLead =
                toBase.grade() == Grade.E1
                        && !toBase.finding().equals(LineageDetector.ARCHITECTURE_ONLY)
                        && !toBase.finding().equals(LineageDetector.UNRELATED);
        String against = via + " rank " + rank + ": " + describe(toBase);
        if (best != null && best.base().equals(base) && best.grade().compareTo(Grade.E2) >= 0) {
            return new Outcome(r, "traced", head + " traced" + against);
        }
        if (truth.relation().equals("pruning")
                && best != null
                && best.base().equals(base)
                && isLead) {
            return new Outcome(r, "traced", head + " traced by a pruning lead" + against);
        }
        if (isLead) {
            return new Outcome(r, "lead only", head + " lead" + against);
        }
        return new Outcome(r, "missed", head + " missed" + against + "; best: " + describe(best));
    }

    static String describe(Comparison c) {
        if (c == null) {
            return "none";
        }
        String diffs =
                c.different().stream()
                        .filter(d -> d.tier() == Tier.B || RELEASE_FIELDS.contains(d.field()))
                        .map(d -> d.field() + " " + d.thisText() + "≠" + d.baseText())
                        .collect(Collectors.joining(", "));
        return c.base()
                + " "
                + c.grade()
                + " "
                + c.finding()
                + (diffs.isEmpty() ? "" : " (differs: " + diffs + ")");
    }

    /** Which fields the detector saw as equal and which differ, for a false derivation. */
    static String explain(Comparison c) {
        List<String> shapeEqual =
                c.matches().stream()
                        .filter(m -> m.tier() == Tier.B)
                        .map(Comparison.FieldMatch::field)
                        .toList();
        List<String> releaseEqual =
                c.matches().stream()
                        .map(Comparison.FieldMatch::field)
                        .filter(f -> RELEASE_FIELDS.stream().anyMatch(f::startsWith))
                        .toList();
        return describe(c)
                + " — equal shape fields "
                + shapeEqual
                + ", equal release fields "
                + releaseEqual;
    }

    static void report(List<Outcome> outcomes, Set<String> held) {
        Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        for (Outcome o : outcomes) {
            matrix.computeIfAbsent(o.record().truth().relation(), k -> new LinkedHashMap<>())
                    .merge(o.column(), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append("\nLabelled set: ")
                .append(outcomes.size())
                .append(" records ranked against ")
                .append(held.size())
                .append(" bases ")
                .append(held)
                .append("\n\n| true relation | n | ")
                .append(String.join(" | ", COLUMNS))
                .append(" |\n|---|---|")
                .append("---|".repeat(COLUMNS.size()))
                .append('\n');
        matrix.forEach(
                (relation, row) -> {
                    out.append("| ")
                            .append(relation)
                            .append(" | ")
                            .append(row.values().stream().mapToInt(Integer::intValue).sum());
                    for (String col : COLUMNS) {
                        out.append(" | ").append(row.getOrDefault(col, 0));
                    }
                    out.append(" |\n");
                });
        List<Outcome> derivations =
                outcomes.stream()
                        .filter(o -> !o.record().truth().relation().equals("independent"))
                        .toList();
        long directHeld =
                derivations.stream().filter(o -> held.contains(o.record().truth().base())).count();
        long directTraced =
                derivations.stream()
                        .filter(o -> held.contains(o.record().truth().base()))
                        .filter(o -> o.column().equals("traced"))
                        .count();
        long anyHeld =
                derivations.stream()
                        .filter(o -> o.record().truth().lineage().stream().anyMatch(held::contains))
                        .count();
        long anyTraced = derivations.stream().filter(o -> o.column().equals("traced")).count();
        out.append("\nTraced: ")
                .append(directTraced)
                .append(" of ")
                .append(directHeld)
                .append(" derivations whose true base is held; ")
                .append(anyTraced)
                .append(" of ")
                .append(anyHeld)
                .append(" whose base or base's base is held.\n\n");
        outcomes.forEach(o -> out.append("- ").append(o.line()).append('\n'));
        System.out.println(out);
    }

    /** Keeps the reader honest: every record names a relation from the list the set uses. */
    @Test
    void everyRecordNamesAKnownRelation() throws IOException {
        Set<String> known =
                Set.of(
                        "fine-tune",
                        "continued-pretraining",
                        "vocabulary-extension",
                        "pruning",
                        "depth-up-scaling",
                        "context-extension",
                        "wrapper",
                        "independent",
                        "release");
        for (Labelled r : records()) {
            assertTrue(known.contains(r.truth().relation()), r.repo());
        }
        assertTrue(records().size() >= 30);
    }
}
