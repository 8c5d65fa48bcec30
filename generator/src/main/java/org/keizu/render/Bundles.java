package org.keizu.render;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
import org.keizu.model.Term;
import org.keizu.model.Vocabulary;

/**
 * The translations' message bundles ({@code templates/messages_ja.properties}, ...) checked against
 * the English one: each must hold exactly the keys of {@code messages.properties}, plus a label and
 * a meaning for every term of the vocabularies the pages name ({@code vocab.<list>.<term>.label},
 * {@code .meaning}). A missing key is an error, never an English fallback: a page in Japanese with
 * one sentence in English would not say why.
 */
public final class Bundles {
    /** The vocabularies whose terms a translation names itself (architectures are names). */
    public static final List<String> TRANSLATED_VOCABULARIES =
            List.of(
                    "grades",
                    "relations",
                    "verdicts",
                    "claim-kinds",
                    "evidence-kinds",
                    "weight-findings");

    private Bundles() {}

    /** The key of a term's label or meaning ({@code part} "label" or "meaning") in a bundle. */
    public static String vocabKey(String list, String term, String part) {
        return "vocab." + list + "." + term + "." + part;
    }

    /** A bundle file, read as UTF-8 properties; empty when it cannot be read. */
    static Optional<Map<String, String>> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<String, String> msg = new TreeMap<>();
        properties.forEach((k, v) -> msg.put(k.toString(), v.toString()));
        return Optional.of(Map.copyOf(msg));
    }

    /** The keys a translation's bundle must hold: the English keys and the vocabularies' keys. */
    public static Set<String> requiredKeys(Map<String, String> english, Vocabulary vocabulary) {
        Set<String> keys = new TreeSet<>(english.keySet());
        if (vocabulary != null) {
            for (String list : TRANSLATED_VOCABULARIES) {
                if (vocabulary.lists().containsKey(list)) {
                    for (Term t : vocabulary.list(list)) {
                        keys.add(vocabKey(list, t.term(), "label"));
                        keys.add(vocabKey(list, t.term(), "meaning"));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Reports, for each translation bundle in {@code templateDir}, every key it lacks and every key
     * it has that the English bundle and the vocabularies do not know, each as an error naming the
     * file and the key.
     */
    public static void check(Path templateDir, Vocabulary vocabulary, Consumer<Finding> out) {
        Path englishFile = templateDir.resolve(Language.EN.bundleFile());
        if (!Files.isRegularFile(englishFile)) {
            return; // the build reports a missing template folder elsewhere
        }
        Map<String, String> english = read(englishFile).orElse(Map.of());
        Set<String> required = requiredKeys(english, vocabulary);
        for (Language language : Language.translations()) {
            Path file = templateDir.resolve(language.bundleFile());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String shown = "templates/" + language.bundleFile();
            Optional<Map<String, String>> read = read(file);
            if (read.isEmpty()) {
                out.accept(bundleError(shown, "cannot be read as UTF-8 properties"));
                continue;
            }
            Set<String> have = read.get().keySet();
            for (String key : required) {
                if (!have.contains(key)) {
                    out.accept(
                            bundleError(
                                    shown,
                                    "the key "
                                            + key
                                            + " is missing; translate it from "
                                            + (key.startsWith("vocab.")
                                                    ? "data/vocab/" + key.split("\\.")[1] + ".yaml"
                                                    : "templates/messages.properties")));
                }
            }
            for (String key : have) {
                if (!required.contains(key)) {
                    out.accept(
                            bundleError(
                                    shown,
                                    "the key "
                                            + key
                                            + " is neither in templates/messages.properties nor a"
                                            + " term of data/vocab/; remove it or rename it"));
                }
            }
        }
    }

    /** A SITE-002 finding about a whole bundle file. */
    private static Finding bundleError(String file, String message) {
        return Finding.error(file, Position.WHOLE_FILE, Check.SITE_002, message);
    }
}
