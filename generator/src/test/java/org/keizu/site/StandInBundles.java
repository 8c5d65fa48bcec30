package org.keizu.site;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.keizu.TestRegistries;
import org.keizu.load.RecordMapper;
import org.keizu.load.VocabularyLoader;
import org.keizu.model.Vocabulary;
import org.keizu.render.Bundles;

/**
 * Stand-in translations for tests: a copy of the real templates with a {@code
 * messages_<lang>.properties} for each language whose every value is the English one (or the
 * vocabulary's label and meaning) after a marker ({@code ⟦ja⟧}), so a test can tell each string of
 * a page's frame that came from the language's bundle from one that did not. Tests never depend on
 * the translators' wording.
 */
final class StandInBundles {
    private StandInBundles() {}

    /** The marker every value of {@code lang}'s stand-in bundle starts with. */
    static String marker(String lang) {
        return "⟦" + lang + "⟧";
    }

    /**
     * {@code root/templates}: the real templates, with stand-in bundles for {@code langs} in place
     * of any real ones, less the keys in {@code drop} and plus the entries of {@code extra}.
     */
    static Path templates(Path root, Set<String> drop, Map<String, String> extra, String... langs)
            throws IOException {
        Path templates = root.resolve("templates");
        copy(TestRegistries.TEMPLATES, templates);
        for (String lang : new String[] {"ja", "ko"}) {
            Files.deleteIfExists(templates.resolve("messages_" + lang + ".properties"));
        }
        Map<String, String> english = read(templates.resolve("messages.properties"));
        Vocabulary vocabulary =
                new VocabularyLoader(new RecordMapper())
                        .load(TestRegistries.REAL_DATA.resolve("vocab"));
        for (String lang : langs) {
            Map<String, String> bundle = new TreeMap<>();
            String marker = marker(lang);
            english.forEach((k, v) -> bundle.put(k, marker + v));
            for (String list : Bundles.TRANSLATED_VOCABULARIES) {
                vocabulary
                        .list(list)
                        .forEach(
                                t -> {
                                    bundle.put(
                                            Bundles.vocabKey(list, t.term(), "label"),
                                            marker + t.label());
                                    bundle.put(
                                            Bundles.vocabKey(list, t.term(), "meaning"),
                                            marker + t.meaning());
                                });
            }
            bundle.put("lang_name", marker + lang);
            bundle.keySet().removeAll(drop);
            bundle.putAll(extra);
            Properties out = new Properties();
            out.putAll(bundle);
            try (var writer =
                    Files.newBufferedWriter(
                            templates.resolve("messages_" + lang + ".properties"),
                            StandardCharsets.UTF_8)) {
                out.store(writer, "stand-in bundle for tests");
            }
        }
        return templates;
    }

    static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        p.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            files.forEach(
                    f -> {
                        try {
                            Path target = to.resolve(from.relativize(f).toString());
                            if (Files.isDirectory(f)) {
                                Files.createDirectories(target);
                            } else {
                                Files.copy(f, target);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }
}
