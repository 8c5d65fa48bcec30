package org.keizu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keizu.diagnostic.Position;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;

/**
 * Adds a commented source entry at the end of a YAML model record's top-level {@code sources} list,
 * as text, so that the contributor's comments, quoting and wrapping stay exactly as they were.
 *
 * <p>The list is found by the parser's positions (never by searching the text), the entry takes the
 * list's own indentation, and it goes after the list's last indented line (a comment at column 1
 * after the list belongs to what follows). The result is parsed again and must be the same record
 * with one more source, this one, at the end; anything else is refused, and nothing is written.
 */
final class SourceInsertion {
    /** The edited text, and the 1-based line the new entry starts at. */
    record Inserted(String text, int line) {}

    /** Why the entry could not be added; nothing was changed. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private SourceInsertion() {}

    static Inserted insert(ParsedRecord record, String text, String id) throws Refused {
        JsonNode sources = record.tree().get("sources");
        if (sources == null) {
            throw new Refused("it has no top-level sources: list to add to");
        }
        if (!sources.isArray() || sources.isEmpty()) {
            throw new Refused(
                    "its sources are not a list of entries (\"- id: ...\" lines); fix that first");
        }
        for (int i = 0; i < sources.size(); i++) {
            JsonNode existing = sources.get(i).path("id");
            if (existing.isTextual() && existing.asText().equalsIgnoreCase(id)) {
                throw new Refused(
                        "source \""
                                + existing.asText()
                                + "\" is already listed, at line "
                                + record.positions().value("/sources/" + i + "/id").line());
            }
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(text.lines().toList());
        Position key = record.positions().key("/sources");
        Position first = record.positions().value("/sources/0");
        if (key.column() != 1 || first.line() <= key.line()) {
            throw new Refused(
                    "its sources are not written as a block list, one \"- id:\" entry per line,"
                            + " under a top-level sources: key");
        }
        String firstLine = lines.get(first.line() - 1);
        int dash = indentOf(firstLine);
        if (dash >= firstLine.length() || firstLine.charAt(dash) != '-') {
            throw new Refused("its first source does not start with \"- \" on its own line");
        }
        int afterDash = dash + 1;
        while (afterDash < firstLine.length() && firstLine.charAt(afterDash) == ' ') {
            afterDash++;
        }
        boolean flowItem = afterDash < firstLine.length() && firstLine.charAt(afterDash) == '{';
        int keys = flowItem || afterDash >= firstLine.length() ? dash + 2 : afterDash;
        int last = lastLineOfBlock(lines, key.line() - 1, dash);
        List<String> entry = Skeleton.sourceEntry(id, dash, keys);
        List<String> edited = new ArrayList<>(lines.subList(0, last + 1));
        edited.addAll(entry);
        edited.addAll(lines.subList(last + 1, lines.size()));
        String result = String.join(newline, edited) + newline; // a leading BOM stays in line 1
        verify(record, result, id);
        return new Inserted(result, last + 2);
    }

    /**
     * The 0-based index of the block's last line: the last line after {@code keyLine} that is
     * indented, or (for a list written at column 1) an item, before the next top-level key.
     */
    private static int lastLineOfBlock(List<String> lines, int keyLine, int dash) {
        int last = keyLine;
        for (int i = keyLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int indent = indentOf(line);
            if (indent > 0) {
                last = i;
            } else if (line.startsWith("#")) {
                continue; // a comment at column 1 may lead into what follows; keep looking
            } else if (dash == 0 && line.startsWith("-") && !line.startsWith("---")) {
                last = i;
            } else {
                break;
            }
        }
        return last;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The edited file must read as the same record with this one source more, at the end. */
    private static void verify(ParsedRecord before, String edited, String id) throws Refused {
        RecordParser.ParseResult parsed =
                new RecordParser(new RecordMapper())
                        .parse(
                                RecordKind.MODEL,
                                before.file(),
                                before.displayPath(),
                                edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Optional<ParsedRecord> after = parsed.record();
        if (after.isEmpty()
                || !(after.get().tree() instanceof ObjectNode tree)
                || !(tree.get("sources") instanceof ArrayNode sources)
                || sources.size() != before.tree().get("sources").size() + 1
                || !sources.get(sources.size() - 1).path("id").asText("").equals(id)) {
            throw new Refused("the entry could not be added without changing the rest of the file");
        }
        ObjectNode without = tree.deepCopy();
        ((ArrayNode) without.get("sources")).remove(sources.size() - 1);
        if (!without.equals(before.tree())) {
            throw new Refused("the entry could not be added without changing the rest of the file");
        }
    }
}
