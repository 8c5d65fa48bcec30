package org.keizu.load;

import java.io.StringReader;
import java.util.List;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads a YAML file's event stream before Jackson builds the tree, and reports what Jackson would
 * silently get wrong: it turns an alias {@code *a} into the string "a", drops anchors on scalars
 * and ignores tags. Also finds syntax errors and tab indentation with their true line and column.
 */
final class YamlHazardScan {
    private YamlHazardScan() {}

    /** Returns the hazards found; an empty list means Jackson may read the text. */
    static void scan(String text, String file, Consumer<Finding> out) {
        int tabs = reportTabIndentation(text, file, out);
        if (tabs > 0) {
            return; // SnakeYAML would only repeat the first of them as a less helpful syntax error
        }
        Yaml yaml = new Yaml(RecordMapper.loaderOptions());
        int documents = 0;
        int depth = 0;
        try {
            for (Event event : yaml.parse(new StringReader(text))) {
                Position at = position(event.getStartMark());
                if (event instanceof DocumentStartEvent && ++documents > 1) {
                    out.accept(
                            Finding.error(
                                    file,
                                    at,
                                    Check.LOAD_006,
                                    "a second YAML document starts here; put one record in each file"));
                    return;
                }
                if (event instanceof AliasEvent alias) {
                    out.accept(
                            Finding.error(
                                    file,
                                    at,
                                    Check.LOAD_004,
                                    "alias *"
                                            + alias.getAnchor()
                                            + " is not allowed; write the value out in full"));
                } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    out.accept(
                            Finding.error(
                                    file,
                                    at,
                                    Check.LOAD_004,
                                    "anchor &"
                                            + node.getAnchor()
                                            + " is not allowed; write each value out in full"));
                }
                String tag =
                        event instanceof ScalarEvent s
                                ? s.getTag()
                                : event instanceof CollectionStartEvent c ? c.getTag() : null;
                if (tag != null) {
                    out.accept(
                            Finding.error(
                                    file,
                                    at,
                                    Check.LOAD_005,
                                    "tag "
                                            + tag
                                            + " is not allowed; quote the value instead if it must stay text"));
                }
                if (event instanceof CollectionStartEvent && ++depth > RecordMapper.MAX_DEPTH) {
                    out.accept(
                            Finding.error(
                                    file,
                                    at,
                                    Check.LOAD_008,
                                    "nested deeper than " + RecordMapper.MAX_DEPTH + " levels"));
                    return;
                }
                if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (MarkedYAMLException e) {
            // The context mark is where the broken construct starts (an unclosed '['); the problem
            // mark is where the parser gave up, often a line later. Point at the start, name both.
            // For indentation the start of the block is far from the mistake: point at the mistake.
            boolean block = e.getContext() != null && e.getContext().contains("block");
            Mark start =
                    e.getContextMark() != null && !block ? e.getContextMark() : e.getProblemMark();
            out.accept(
                    Finding.error(file, position(start), Check.LOAD_002, syntaxMessage(e, !block)));
        } catch (YAMLException e) {
            out.accept(
                    Finding.error(
                            file, Position.WHOLE_FILE, Check.LOAD_002, oneLine(e.getMessage())));
        } catch (NumberFormatException e) {
            // SnakeYAML's scanner throws this, not a YAMLException, for a hex escape (backslash x,
            // u
            // or U) without hex digits in a double-quoted string (found by fuzzing): a syntax
            // error.
            out.accept(
                    Finding.error(
                            file,
                            Position.WHOLE_FILE,
                            Check.LOAD_002,
                            "an escape sequence (\\x, \\u or \\U) in a double-quoted string is not followed by hex digits"));
        }
    }

    /**
     * Whether the text may hold a second document (a line that starts with {@code ---} or {@code
     * ...}): Jackson reads the first and may say nothing of an empty second one.
     */
    static boolean mayHoldDocuments(String text) {
        return text.startsWith("---")
                || text.startsWith("...")
                || text.contains("\n---")
                || text.contains("\n...");
    }

    /** Reports every line indented with a tab; returns how many. */
    static int reportTabIndentation(String text, String file, Consumer<Finding> out) {
        if (text.indexOf('\t') < 0) {
            return 0; // nearly every file: no need to cut it into lines
        }
        List<String> lines = text.lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int col = 0;
                    col < line.length() && (line.charAt(col) == ' ' || line.charAt(col) == '\t');
                    col++) {
                if (line.charAt(col) == '\t') {
                    out.accept(
                            Finding.error(
                                    file,
                                    new Position(i + 1, col + 1),
                                    Check.LOAD_009,
                                    "a tab indents this line; YAML needs spaces"));
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    private static Position position(Mark mark) {
        return mark == null
                ? Position.WHOLE_FILE
                : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String syntaxMessage(MarkedYAMLException e, boolean sayWhereNoticed) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext() != null ? e.getContext() + ": " : "";
        String where =
                sayWhereNoticed && e.getContextMark() != null && e.getProblemMark() != null
                        ? " (noticed at line "
                                + (e.getProblemMark().getLine() + 1)
                                + ", column "
                                + (e.getProblemMark().getColumn() + 1)
                                + ")"
                        : "";
        return plainWords(oneLine(context + problem)) + where;
    }

    /**
     * SnakeYAML's messages name its grammar ("while parsing a flow mapping", "&lt;block end&gt;");
     * a contributor needs to know what to change. The common cases are said in plain words; any
     * other keeps the parser's own text after a plain lead.
     */
    static String plainWords(String parser) {
        String p = parser.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("flow mapping")) {
            return "a { ... } mapping is not closed, or a comma is missing between its fields";
        }
        if (p.contains("flow sequence")) {
            return "a [ ... ] list is not closed, or a comma is missing between its items";
        }
        if (p.contains("quoted scalar")) {
            return "a quoted text is not closed, or holds an escape YAML does not know; check its quotes";
        }
        if (p.contains("mapping values are not allowed")) {
            return "': ' appears inside a value; put the value in quotes";
        }
        if (p.contains("simple key") || p.contains("could not find expected ':'")) {
            return "a line is not of the form 'field: value' (a colon is missing, or the text needs quotes)";
        }
        if (p.contains("block mapping")
                || p.contains("block collection")
                || p.contains("block end")) {
            return "the indentation does not line up with the lines above; indent fields of one level alike";
        }
        if (p.contains("cannot start any token")) {
            return "a value starts with a character YAML reserves (such as @ or `); put the value in quotes";
        }
        return "the YAML cannot be read here (" + parser + ")";
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
