package org.keizu.render;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.keizu.lineage.Phrase;

/**
 * The message bundle as Java reads it: the same {@code templates/messages.properties} the templates
 * use, with {0}, {1} placeholders filled in. A missing key is a set-up error, so it throws.
 */
public final class Messages {
    private final Map<String, String> bundle;

    public Messages(Map<String, String> bundle) {
        this.bundle = Map.copyOf(bundle);
    }

    /**
     * The message bundle: every user-facing string of the templates, in one file a translation can
     * copy.
     */
    public static Map<String, String> bundle(Path templateDir) {
        Properties properties = new Properties();
        try (Reader in =
                Files.newBufferedReader(
                        templateDir.resolve("messages.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates/messages.properties", e);
        }
        Map<String, String> msg = new TreeMap<>();
        properties.forEach((k, v) -> msg.put(k.toString(), v.toString()));
        return Map.copyOf(msg);
    }

    /**
     * The message bundle of {@code language}: the English one, or a translation's ({@code
     * messages_ja.properties}), whose keys {@link Bundles#check} has compared with the English
     * bundle's before anything is rendered.
     */
    public static Map<String, String> bundle(Path templateDir, Language language) {
        if (language.english()) {
            return bundle(templateDir);
        }
        return Bundles.read(templateDir.resolve(language.bundleFile()))
                .orElseThrow(
                        () ->
                                new UncheckedIOException(
                                        new IOException(
                                                "cannot read templates/" + language.bundleFile())));
    }

    /** Whether the bundle holds {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String format(String key, String... args) {
        String pattern = bundle.get(key);
        if (pattern == null) {
            throw new IllegalStateException("templates/messages.properties has no key " + key);
        }
        // One pass over the pattern: an argument that itself holds "{1}" (a model named so) is
        // printed as it is, never filled in again. Not MessageFormat: it would read the apostrophe
        // of "Keizu's".
        StringBuilder text = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1
                    && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(pattern.substring(i + 1, close));
                if (index < args.length) {
                    text.append(args[index]);
                    i = close;
                    continue;
                }
            }
            text.append(c);
        }
        return text.toString();
    }

    public String format(Phrase phrase) {
        return format(phrase.key(), phrase.args().toArray(String[]::new));
    }

    /** Several phrases as one text, separated by spaces. */
    public String format(List<Phrase> phrases) {
        return phrases.stream().map(this::format).collect(Collectors.joining(" "));
    }
}
