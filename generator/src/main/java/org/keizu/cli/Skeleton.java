package org.keizu.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;

/**
 * The commented skeletons {@code keizu new} writes, rendered from the templates in {@code
 * org/keizu/cli/new/}: one per record kind, and {@code source.yaml}, one entry of a sources list.
 *
 * <p>The templates' grammar is small. A line holds at most one placeholder, {@code {{key}}}. A
 * placeholder with a value becomes that value, written as a YAML scalar; on its line the word
 * {@code TODO} is dropped, and a line commented out ({@code # programme: {{programme}}}) is
 * uncommented. A placeholder without a value becomes {@code ~} (YAML's null), which {@code
 * validate} reports at its line and column until the contributor fills it in: a skeleton is never
 * silently valid. The line {@code {{sources}}} stands for the source entry. Every trailing comment
 * is aligned at {@link #COMMENT_COLUMN}, or two spaces after a longer value.
 */
final class Skeleton {
    static final int COMMENT_COLUMN = 32;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");

    /** Code, then a trailing comment after at least two spaces ({@code name: ~ # TODO ...}). */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("^(.*\\S) {2,}(# .*)$");

    private static final Pattern COMMENTED_OUT = Pattern.compile("^( *)# (.*)$");

    private Skeleton() {}

    /** A whole new record of {@code kind}, its one source entry two spaces into {@code sources}. */
    static String record(RecordKind kind, Map<String, String> values) {
        String template = template(kind.schemaFile().replace(".schema.json", ""));
        String entry = String.join("\n", indented(lines(template("source")), 2, 4)) + "\n";
        if (!template.contains("\n{{sources}}\n")) {
            throw new IllegalStateException("the " + kind + " template has no {{sources}} line");
        }
        return render(template.replace("{{sources}}\n", entry), values);
    }

    /**
     * One source entry whose id is {@code id}, its dash at column {@code dashIndent} and its keys
     * at {@code keyIndent} (both 0-based), ready to append to a sources list so indented.
     */
    static List<String> sourceEntry(String id, int dashIndent, int keyIndent) {
        return lines(
                render(
                        String.join(
                                        "\n",
                                        indented(lines(template("source")), dashIndent, keyIndent))
                                + "\n",
                        Map.of("source-id", id)));
    }

    /** The entry template's lines (dash at 0, keys at 2) moved to the given indentation. */
    private static List<String> indented(List<String> entry, int dashIndent, int keyIndent) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < entry.size(); i++) {
            String line = entry.get(i);
            if (i == 0) {
                if (!line.startsWith("- ")) {
                    throw new IllegalStateException("the source template must start with '- '");
                }
                out.add(
                        " ".repeat(dashIndent)
                                + "-"
                                + " ".repeat(Math.max(1, keyIndent - dashIndent - 1))
                                + line.substring(2));
            } else {
                out.add(" ".repeat(keyIndent) + line.substring(Math.min(2, line.length())));
            }
        }
        return out;
    }

    /** The template with every placeholder filled in, and its comments aligned. */
    static String render(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(template)) {
            out.append(renderLine(line, values)).append('\n');
        }
        return out.toString();
    }

    private static String renderLine(String line, Map<String, String> values) {
        Matcher trailing = TRAILING_COMMENT.matcher(line);
        String code = trailing.matches() ? trailing.group(1) : line;
        String comment = trailing.matches() ? trailing.group(2) : "";
        Matcher placeholder = PLACEHOLDER.matcher(code);
        if (placeholder.find()) {
            String key = placeholder.group(1);
            if (placeholder.find() || PLACEHOLDER.matcher(comment).find()) {
                throw new IllegalStateException("more than one placeholder in: " + line);
            }
            String value = values.get(key);
            if (value == null) {
                code = code.replace("{{" + key + "}}", "~");
            } else {
                code = code.replace("{{" + key + "}}", scalar(value));
                comment = comment.replace("# TODO ", "# ");
                Matcher commented = COMMENTED_OUT.matcher(code);
                if (commented.matches()) {
                    code = commented.group(1) + commented.group(2);
                }
            }
        }
        if (comment.isEmpty()) {
            return code;
        }
        return code + " ".repeat(Math.max(2, COMMENT_COLUMN - code.length())) + comment;
    }

    /**
     * {@code value} as a YAML scalar that reads back as exactly this text: plain where Keizu's YAML
     * reader keeps it as the same text ({@code rakuten}, {@code JP}, {@code Rakuten AI 3.0}), else
     * double-quoted ({@code "2025"}, {@code "null"}, {@code "a: b"}, {@code "x # y"}).
     */
    static String scalar(String value) {
        if (readsBackAs(value)) {
            return value;
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    private static boolean readsBackAs(String value) {
        if (value.isEmpty() || !value.strip().equals(value) || value.contains("#")) {
            return false;
        }
        try (JsonParser parser = new RecordMapper().yamlFactory().createParser("v: " + value)) {
            return parser.nextToken() == JsonToken.START_OBJECT
                    && parser.nextToken() == JsonToken.FIELD_NAME
                    && parser.nextToken() == JsonToken.VALUE_STRING
                    && parser.getText().equals(value)
                    && parser.nextToken() == JsonToken.END_OBJECT
                    && parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static String template(String name) {
        try (InputStream in = Skeleton.class.getResourceAsStream("new/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("no template new/" + name + ".yaml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
