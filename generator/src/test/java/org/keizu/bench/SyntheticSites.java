package org.keizu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.keizu.TestRegistries;

/**
 * Benchmark material, not a test: one synthetic registry written twice, as Keizu's data folder and
 * as the equivalent Hugo site, so that {@code scripts/bench-build.sh} builds the same content with
 * both.
 *
 * <p>Each of the {@code N} generated models has what a real record has: a name and a native name in
 * one of several scripts, a real organisation and country, a release date, a summary, a hub
 * repository, a declared licence, two claims (one quoted in its own language with a translation), a
 * lineage entry onto one of the registry's real bases with two pieces of evidence, and two sources.
 * Every twentieth model has a config snapshot (a varied copy of a real base's shape, its origin
 * stated as synthetic). The registry's real records, organisations, programmes, vocabularies and
 * schemas come along.
 *
 * <p>The Hugo site holds the same models as pages (front matter only, like Keizu's records), in
 * English, Japanese and Korean as Keizu publishes them, with taxonomies for country, organisation,
 * base and verdict (Keizu's listing pages), a JSON output per model (Keizu's open-data file) and a
 * home page listing the models. Its templates are in {@code src/test/resources/bench/hugo/}.
 *
 * <p>Usage: {@code SyntheticSites N OUT}: writes {@code OUT/keizu/data} and {@code OUT/hugo}.
 */
public final class SyntheticSites {
    private static final String[] COUNTRIES = {
        "JP", "KR", "CN", "US", "FR", "IN", "TW", "AE", "SA", "DE", "RU", "TH"
    };
    private static final String[] WORDS = {
        "lattice", "harbour", "granite", "meadow", "cobalt", "saffron", "tundra", "lantern",
        "orchid", "quartz", "ember", "willow", "falcon", "summit", "delta", "aurora"
    };

    /**
     * Native names in the scripts the registry meets: kanji, hangul, Arabic, Cyrillic, Devanagari,
     * Thai.
     */
    private static final String[] NATIVE = {
        "楽天", "네이버", "通义", "太極", "サクラ", "한빛", "فالكون", "Гигачат", "भारत", "ไทย"
    };

    private static final String[] LANGUAGES = {
        "ja", "ko", "zh", "zh", "ja", "ko", "ar", "ru", "hi", "th"
    };
    private static final String[] BASES = {
        "deepseek-v3",
        "llama-2",
        "mistral-7b",
        "qwen2.5-7b",
        "llama-3.1-8b",
        "qwen3-8b",
        "gemma-2-9b"
    };
    private static final String[] RELATIONS = {
        "continued-pretraining", "fine-tune", "architecture-only", "distillation"
    };
    private static final String[] LICENCES = {"Apache-2.0", "MIT", "LicenseRef-Llama-2-Community"};

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Path keizuData = out.resolve("keizu/data");
        Path hugo = out.resolve("hugo");
        TestRegistries.copyTree(TestRegistries.REAL_DATA, keizuData);
        TestRegistries.copyTree(
                TestRegistries.REPO.resolve("generator/src/test/resources/bench/hugo"), hugo);
        Files.createDirectories(hugo.resolve("content/models"));
        for (Synthetic model : models(keizuData, count)) {
            Files.writeString(
                    keizuData.resolve("models/" + model.id + ".yaml"), model.yaml(keizuData));
            Files.writeString(
                    hugo.resolve("content/models/" + model.id + ".md"), model.frontMatter());
        }
        System.out.printf("wrote %,d synthetic models to %s and %s%n", count, keizuData, hugo);
    }

    /**
     * Adds {@code count} synthetic models to {@code data}, a copy of the real data folder (tests
     * use it for a registry larger than the real one); returns their ids.
     */
    public static List<String> addModels(Path data, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Synthetic model : models(data, count)) {
            Files.writeString(data.resolve("models/" + model.id + ".yaml"), model.yaml(data));
            ids.add(model.id);
        }
        return ids;
    }

    private static List<Synthetic> models(Path data, int count) throws IOException {
        List<String> organisations = new ArrayList<>();
        try (Stream<Path> orgs = Files.list(data.resolve("organisations"))) {
            orgs.map(p -> p.getFileName().toString().replace(".yaml", ""))
                    .sorted()
                    .forEach(organisations::add);
        }
        List<Synthetic> models = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            models.add(new Synthetic(i, organisations.get(i % organisations.size())));
        }
        return models;
    }

    /** One generated model: every value follows from its number, so each run writes the same. */
    private static final class Synthetic {
        final int n;
        final String id;
        final String name;
        final String nativeName;
        final String organisation;
        final String country;
        final String released;
        final String base;
        final String relation;
        final String grade;
        final String language;
        final String word;
        final String licence;
        final String hubRepo;

        Synthetic(int n, String organisation) {
            this.n = n;
            this.word = WORDS[n % WORDS.length];
            this.id = String.format("synthetic-%s-%05d", word, n);
            this.name = capitalise(word) + " " + n;
            this.nativeName = NATIVE[n % NATIVE.length] + " " + n;
            this.language = LANGUAGES[n % LANGUAGES.length];
            this.organisation = organisation;
            this.country = COUNTRIES[n % COUNTRIES.length];
            this.released = String.format("%d-%02d-%02d", 2022 + n % 4, 1 + n % 12, 1 + n % 28);
            this.base = n % 20 == 0 ? "qwen2.5-7b" : BASES[n % BASES.length];
            this.relation = RELATIONS[n % RELATIONS.length];
            this.grade = relation.equals("architecture-only") ? "E1" : (n % 2 == 0 ? "E4" : "E2");
            this.licence = LICENCES[n % LICENCES.length];
            this.hubRepo = "synthetic-" + organisation + "/" + capitalise(word) + "-" + n;
        }

        String summary() {
            return "A synthetic "
                    + word
                    + " model, number "
                    + n
                    + ", released by "
                    + organisation
                    + ". Its makers describe it as built in "
                    + country
                    + "; the registry records it as "
                    + relation.replace('-', ' ')
                    + " of "
                    + base
                    + ", from the sources below.";
        }

        String quote() {
            return NATIVE[n % NATIVE.length] + "が独自に開発した" + word + "モデル " + n;
        }

        String yaml(Path data) throws IOException {
            StringBuilder y = new StringBuilder();
            y.append("id: ").append(id).append('\n');
            y.append("name: ").append(name).append('\n');
            y.append("native_name: ").append(nativeName).append('\n');
            y.append("organisation: ").append(organisation).append('\n');
            y.append("country: ").append(country).append('\n');
            y.append("released: ").append(released).append('\n');
            y.append("reviewed: 2026-11-29\n");
            y.append("summary:\n  text: >-\n    ").append(summary()).append('\n');
            y.append("  passage: {text: \"Model ")
                    .append(n)
                    .append(" is a ")
                    .append(word)
                    .append(" model.\"}\n");
            y.append("  source: card\n");
            y.append("hub:\n  repo: ").append(hubRepo).append('\n');
            if (n % 20 == 0) {
                y.append("snapshot: ")
                        .append(hubRepo)
                        .append('@')
                        .append(snapshot(data))
                        .append('\n');
            }
            y.append("licence:\n  declared: ").append(licence).append("\n  source: card\n");
            y.append("claims:\n");
            y.append("  - kind: vague\n    quote: \"")
                    .append(quote())
                    .append("\"\n    language: ")
                    .append(language)
                    .append("\n    translation: \"A ")
                    .append(word)
                    .append(" model number ")
                    .append(n)
                    .append(" developed independently\"\n    by: ")
                    .append(organisation)
                    .append(" (press release)\n    source: press\n");
            y.append("  - kind: from-scratch\n    quote: \"Built on our own data, number ")
                    .append(n)
                    .append("\"\n    language: en\n    source: card\n");
            y.append("lineage:\n  - base: ")
                    .append(base)
                    .append("\n    relation: ")
                    .append(relation)
                    .append("\n    grade: ")
                    .append(grade)
                    .append("\n    evidence:\n");
            y.append("      - kind: ")
                    .append(grade.equals("E4") ? "disclosure" : "config")
                    .append("\n        summary: The model card of number ")
                    .append(n)
                    .append(" names ")
                    .append(base)
                    .append(" as its starting point.\n        passage: {text: \"Model ")
                    .append(n)
                    .append(" starts from ")
                    .append(base)
                    .append(".\"}\n        source: card\n");
            y.append("      - kind: report\n        summary: A news report on ")
                    .append(name)
                    .append(" compares its configuration with ")
                    .append(base)
                    .append(".\n        passage: {text: \"")
                    .append(name)
                    .append(" shares the configuration of ")
                    .append(base)
                    .append(".\"}\n        date: ")
                    .append(released)
                    .append("\n        source: card\n");
            y.append("sources:\n");
            y.append("  - {id: card, title: \"[Model card of ")
                    .append(hubRepo)
                    .append("]\", url: \"https://example.org/cards/")
                    .append(n)
                    .append("\", language: en, kind: artefact}\n");
            y.append("  - {id: press, title: \"")
                    .append(nativeName)
                    .append(" 発表\", url: \"https://example.org/press/")
                    .append(n)
                    .append("\", language: ")
                    .append(language)
                    .append(", kind: news}\n");
            return y.toString();
        }

        /**
         * Writes a config snapshot for this model: Qwen2.5-7B's held config with this model's
         * number in its vocabulary size, its origin stated as synthetic.
         */
        String snapshot(Path data) throws IOException {
            String config =
                    Files.readString(
                                    data.resolve(
                                            "snapshots/Qwen/Qwen2.5-7B/unpinned-267ce68584c5/config.json"))
                            .replace("\"vocab_size\": 152064", "\"vocab_size\": " + (152064 + n));
            byte[] bytes = config.getBytes(StandardCharsets.UTF_8);
            String sha = sha256(bytes);
            String folder = "unpinned-" + sha.substring(0, 12);
            Path dir = data.resolve("snapshots/" + hubRepo + "/" + folder);
            Files.createDirectories(dir);
            Files.write(dir.resolve("config.json"), bytes);
            Files.writeString(
                    dir.resolve("snapshot.json"),
                    "{\n  \"repo\": \""
                            + hubRepo
                            + "\",\n  \"revision\": null,\n  \"retrieved\": \"2026-11-29\",\n"
                            + "  \"via\": {\"kind\": \"unattributed\", \"grade\": \"D\", \"caveats\":"
                            + " \"Synthetic benchmark config: Qwen2.5-7B's held config with another"
                            + " vocabulary size.\"},\n  \"files\": [{\"name\": \"config.json\","
                            + " \"sha256\": \""
                            + sha
                            + "\", \"size\": "
                            + bytes.length
                            + "}],\n  \"revision_note\": \"Generated for a benchmark, never"
                            + " fetched.\"\n}\n");
            return folder;
        }

        /** The same facts as Hugo front matter (YAML), for the equivalent Hugo site. */
        String frontMatter() {
            return "---\n"
                    + "title: \""
                    + name
                    + "\"\n"
                    + "native_name: \""
                    + nativeName
                    + "\"\n"
                    + "date: "
                    + released
                    + "\n"
                    + "summary: \""
                    + summary()
                    + "\"\n"
                    + "countries: [\""
                    + country
                    + "\"]\n"
                    + "organisations: [\""
                    + organisation
                    + "\"]\n"
                    + "bases: [\""
                    + base
                    + "\"]\n"
                    + "verdicts: [\""
                    + relation
                    + "\"]\n"
                    + "hub: \""
                    + hubRepo
                    + "\"\n"
                    + "licence: \""
                    + licence
                    + "\"\n"
                    + "claims:\n"
                    + "  - {kind: vague, quote: \""
                    + quote()
                    + "\", language: "
                    + language
                    + ", translation: \"A "
                    + word
                    + " model number "
                    + n
                    + " developed independently\", by: \""
                    + organisation
                    + " (press release)\", source: press}\n"
                    + "  - {kind: from-scratch, quote: \"Built on our own data, number "
                    + n
                    + "\", language: en, source: card}\n"
                    + "lineage:\n"
                    + "  - base: "
                    + base
                    + "\n"
                    + "    relation: "
                    + relation
                    + "\n"
                    + "    grade: "
                    + grade
                    + "\n"
                    + "    evidence:\n"
                    + "      - {kind: "
                    + (grade.equals("E4") ? "disclosure" : "config")
                    + ", summary: \"The model card of number "
                    + n
                    + " names "
                    + base
                    + " as its starting point.\", passage: \"Model "
                    + n
                    + " starts from "
                    + base
                    + ".\", source: card}\n"
                    + "      - {kind: report, summary: \"A news report on "
                    + name
                    + " compares its configuration with "
                    + base
                    + ".\", passage: \""
                    + name
                    + " shares the configuration of "
                    + base
                    + ".\", date: "
                    + released
                    + ", source: card}\n"
                    + "sources:\n"
                    + "  - {id: card, title: \"[Model card of "
                    + hubRepo
                    + "]\", url: \"https://example.org/cards/"
                    + n
                    + "\", language: en}\n"
                    + "  - {id: press, title: \""
                    + nativeName
                    + " 発表\", url: \"https://example.org/press/"
                    + n
                    + "\", language: "
                    + language
                    + "}\n"
                    + "---\n";
        }
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
