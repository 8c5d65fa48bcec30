package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import org.keizu.diagnostic.Position;

/**
 * Reads a record written in the plain YAML that records are written in, straight into the tree and
 * the positions {@link PositionedTreeReader} would give, in one pass over its characters; and
 * declines any file that holds anything else, which then goes through Jackson and SnakeYAML as
 * before.
 *
 * <p>Why: SnakeYAML, through Jackson, took more than half of the CPU samples of {@code keizu
 * validate} on a registry of 10,000 records; it makes objects for every token and mark. Records use
 * a small part of YAML, and that part is read here. SnakeYAML stays the reference for what a file
 * means: PlainYamlTest reads every record of the registry, a synthetic registry and many thousands
 * of mutated records both ways, and wherever this reader gives a tree it must be SnakeYAML's, value
 * for value and position for position.
 *
 * <p>Read here: block mappings whose keys are plain words; block sequences (indented or not);
 * scalars on one line, plain, single- or double-quoted; folded and literal text ({@code >-}, {@code
 * >}, {@code |-}, {@code |}) without blank or more-indented lines inside; flow mappings and
 * sequences of scalars on one line; comments. Declined: anchors, aliases, tags, directives,
 * document markers, tabs, carriage returns and other special characters, a scalar over more than
 * one line, an empty value, a plain scalar YAML 1.1 could read as a boolean, a null or a number
 * other than a plain decimal (yes, No, null, 0x1F, 1_000, .5, ...), a duplicate key, nesting deeper
 * than records go, and every error. A decline costs the time spent up to it.
 */
final class PlainYaml {
    private PlainYaml() {}

    /**
     * What reading gave: the tree and where each value and key stands (null when read without
     * positions).
     */
    record Read(JsonNode tree, PositionIndex positions) {}

    /** Declining is not exceptional here; no stack trace is made. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final Decline INSTANCE = new Decline();

        private Decline() {
            super("not plain YAML", null, false, false);
        }
    }

    /** Nesting allowed here, below {@link RecordMapper#MAX_DEPTH} (real records use six levels). */
    private static final int MAX_DEPTH = RecordMapper.MAX_DEPTH - 2;

    /** Scalars and keys at most half the parsers' limits, so no limit is ever near. */
    private static final int MAX_SCALAR_CHARS = RecordMapper.MAX_STRING_CHARS / 2;

    private static final int MAX_NUMBER_CHARS = RecordMapper.MAX_NUMBER_DIGITS / 2;

    /**
     * Plain words YAML 1.1 (which SnakeYAML follows) may read as a boolean, a null or a special
     * number, in lower case; any spelling of them is declined.
     */
    private static final Set<String> SPECIAL_WORDS =
            Set.of(
                    "true",
                    "false",
                    "yes",
                    "no",
                    "on",
                    "off",
                    "y",
                    "n",
                    "null",
                    "nan",
                    "inf",
                    "infinity");

    /** A date or month as records write them, which SnakeYAML leaves as text. */
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}(-[0-9]{2})?");

    /**
     * A number as records write them (32, 0.5, 12e9, 1.5e9), which SnakeYAML and Jackson read as an
     * integer or a decimal.
     */
    private static final Pattern NUMBER =
            Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?(e[1-9][0-9]?)?");

    /**
     * Field names seen so far, each kept once: every record repeats the same few hundred names, and
     * a registry's trees are kept until its checks are done; at 10,000 records their names were
     * half of the strings the collector copied. Bounded, as a registry's names are few; past the
     * bound a name is kept as read.
     */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private static final int MAX_NAMES = 20_000;

    /** {@code name}, or the equal string read before it. */
    private static String knownName(String name) {
        String known = NAMES.get(name);
        if (known == null && NAMES.size() < MAX_NAMES) {
            known = NAMES.putIfAbsent(name, name);
        }
        return known == null ? name : known;
    }

    /** The tree and positions of {@code text}, or empty when it is not plain YAML as above. */
    static Optional<Read> read(String text) {
        return read(text, true);
    }

    /**
     * As {@link #read(String)}; without positions ({@code Read.positions} null) unless {@code
     * withPositions}: a record that loads without a finding never needs them, and noting where
     * every value stands was a good part of reading it.
     */
    static Optional<Read> read(String text, boolean withPositions) {
        try {
            return readOrThrow(text, withPositions);
        } catch (RuntimeException e) {
            // A fault of this reader must never cost a record: SnakeYAML reads the file instead.
            // The tests call readOrThrow, so that such a fault fails them.
            return Optional.empty();
        }
    }

    /** As {@link #read}, a fault of this reader thrown rather than taken for a decline. */
    static Optional<Read> readOrThrow(String text) {
        return readOrThrow(text, true);
    }

    private static Optional<Read> readOrThrow(String text, boolean withPositions) {
        try {
            return Optional.of(new Reader(text, withPositions).document());
        } catch (Decline e) {
            return Optional.empty();
        }
    }

    private static Decline decline() {
        return Decline.INSTANCE;
    }

    private static final class Reader {
        private final String text;

        /** Where each line starts, and ends (before its line feed). */
        private final int[] starts;

        private final int[] ends;

        /** Null when positions are not noted (nor the JSON pointers they are kept under). */
        private final PositionIndex positions;

        /** The line being read. */
        private int line;

        Reader(String text, boolean withPositions) {
            this.text = text;
            this.positions = withPositions ? new PositionIndex() : null;
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    count++;
                } else if (!allowed(c)) {
                    throw decline();
                }
            }
            starts = new int[count];
            ends = new int[count];
            int at = 0;
            for (int i = 0; i < count; i++) {
                int end = text.indexOf('\n', at);
                if (end < 0) {
                    end = text.length();
                }
                starts[i] = at;
                ends[i] = end;
                if (text.startsWith("---", at) || text.startsWith("...", at)) {
                    throw decline(); // a document marker, or what SnakeYAML takes for one
                }
                at = end + 1;
            }
        }

        /**
         * Printable characters other than the tab, and none that YAML 1.1 takes for a line break
         * (NEL, the line and paragraph separators) or that SnakeYAML refuses.
         */
        private static boolean allowed(char c) {
            if (c < 0x20) {
                return false;
            }
            if (c < 0x7F) {
                return true;
            }
            return c >= 0xA0
                    && c != 0x2028
                    && c != 0x2029
                    && c != 0xFEFF
                    && c != 0xFFFE
                    && c != 0xFFFF;
        }

        Read document() {
            int first = nextContentLine(0);
            if (first >= starts.length || indent(first) != 0) {
                throw decline();
            }
            line = first;
            JsonNode tree = mapping(0, starts[first], "", 1);
            if (line < starts.length) {
                throw decline(); // something follows the record at a smaller indent: an error
            }
            return new Read(tree, positions);
        }

        // ---- lines

        private int indent(int l) {
            int at = starts[l];
            while (at < ends[l] && text.charAt(at) == ' ') {
                at++;
            }
            return at - starts[l];
        }

        private boolean blank(int l) {
            return indent(l) == ends[l] - starts[l];
        }

        /** The first line from {@code l} on that is neither blank nor a comment. */
        private int nextContentLine(int l) {
            while (l < starts.length && (blank(l) || text.charAt(starts[l] + indent(l)) == '#')) {
                l++;
            }
            return l;
        }

        private char at(int offset) {
            return offset < ends[line] ? text.charAt(offset) : '\n';
        }

        /** The position SnakeYAML gives the character at {@code offset} of the current line. */
        private Position position(int offset) {
            return new Position(line + 1, text.codePointCount(starts[line], offset) + 1);
        }

        /** Notes that the value at {@code pointer} starts at {@code offset} of the current line. */
        private void valueAt(String pointer, int offset) {
            if (positions != null) {
                positions.putValue(pointer, position(offset));
            }
        }

        /** Notes that the key of the member at {@code pointer} is at {@code offset}. */
        private void keyAt(String pointer, int offset) {
            if (positions != null) {
                positions.putKey(pointer, position(offset));
            }
        }

        /** The pointer of a member, when positions are noted. */
        private String child(String pointer, String name) {
            return positions == null ? null : PositionIndex.child(pointer, name);
        }

        /** The pointer of a list item, when positions are noted. */
        private String child(String pointer, int index) {
            return positions == null ? null : PositionIndex.child(pointer, index);
        }

        private boolean startsSequenceItem(int offset) {
            return text.charAt(offset) == '-'
                    && (offset + 1 == ends[line] || at(offset + 1) == ' ');
        }

        // ---- block collections

        /**
         * A block mapping whose keys stand at column {@code indent}; its first key at {@code
         * offset} of the current line (after a sequence item's dash, or at the line's indent).
         */
        private ObjectNode mapping(int indent, int offset, String pointer, int depth) {
            if (depth > MAX_DEPTH) {
                throw decline();
            }
            ObjectNode object = PositionedTreeReader.NODES.objectNode();
            valueAt(pointer, offset);
            while (true) {
                int keyEnd = keyEnd(offset);
                if (!blockColon(keyEnd)) {
                    throw decline();
                }
                String name = knownName(text.substring(offset, keyEnd));
                if (object.has(name)) {
                    throw decline(); // Jackson's path names both lines
                }
                String child = child(pointer, name);
                keyAt(child, offset);
                int valueAt = skipSpaces(keyEnd + 1);
                object.set(
                        name,
                        valueAt == ends[line]
                                ? nestedValue(indent, child, depth + 1)
                                : inlineValue(valueAt, indent, child, depth + 1));
                int next = nextContentLine(line);
                if (next >= starts.length) {
                    line = next;
                    return object;
                }
                int nextIndent = indent(next);
                if (nextIndent < indent) {
                    line = next;
                    return object;
                }
                if (nextIndent > indent) {
                    throw decline(); // a continued scalar, or an error
                }
                line = next;
                offset = starts[line] + indent;
                if (startsSequenceItem(offset)) {
                    throw decline(); // a sequence item among the keys: an error
                }
            }
        }

        /**
         * Where a word key (a letter or {@code _}, then letters, digits, {@code _} and {@code -})
         * starting at {@code offset} ends; {@code offset} itself when none starts there.
         */
        private int wordEnd(int offset) {
            int end = offset;
            while (end < ends[line]) {
                char c = text.charAt(end);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
                boolean more = letter || (c >= '0' && c <= '9') || c == '-';
                if (!(end == offset ? letter : more)) {
                    break;
                }
                end++;
            }
            return end;
        }

        /** Where a word key starting at {@code offset} ends, declining anything else. */
        private int keyEnd(int offset) {
            int end = wordEnd(offset);
            if (end == offset || end - offset > RecordMapper.MAX_NAME_CHARS / 2) {
                throw decline();
            }
            return end;
        }

        /**
         * Whether a block mapping's colon stands at {@code offset}: a colon ending the line or
         * before a space.
         */
        private boolean blockColon(int offset) {
            return at(offset) == ':' && (at(offset + 1) == ' ' || at(offset + 1) == '\n');
        }

        /** The value of a key that ends its line: a collection on the lines that follow. */
        private JsonNode nestedValue(int indent, String pointer, int depth) {
            int next = nextContentLine(line + 1);
            if (next >= starts.length) {
                throw decline(); // an empty value
            }
            int nextIndent = indent(next);
            line = next;
            int offset = starts[line] + nextIndent;
            if (startsSequenceItem(offset) && nextIndent >= indent) {
                return sequence(nextIndent, pointer, depth);
            }
            if (nextIndent > indent) {
                return mapping(nextIndent, offset, pointer, depth);
            }
            throw decline(); // an empty value
        }

        /** A block sequence whose dashes stand at column {@code indent} of the current line on. */
        private ArrayNode sequence(int indent, String pointer, int depth) {
            if (depth > MAX_DEPTH) {
                throw decline();
            }
            ArrayNode array = PositionedTreeReader.NODES.arrayNode();
            valueAt(pointer, starts[line] + indent);
            while (true) {
                int dash = starts[line] + indent;
                if (dash + 1 == ends[line]) {
                    throw decline(); // an item on the lines below its dash
                }
                int content = skipSpaces(dash + 1);
                String child = child(pointer, array.size());
                if (content == ends[line] || startsSequenceItem(content)) {
                    throw decline();
                }
                int word = wordEnd(content);
                // A word and its colon on the item's line: a mapping whose keys stand there.
                array.add(
                        word > content && blockColon(word)
                                ? mapping(content - starts[line], content, child, depth + 1)
                                : inlineValue(content, indent, child, depth + 1));
                line = nextContentLine(line);
                if (line >= starts.length) {
                    return array;
                }
                int nextIndent = indent(line);
                if (nextIndent > indent) {
                    throw decline();
                }
                if (nextIndent < indent || !startsSequenceItem(starts[line] + indent)) {
                    return array;
                }
            }
        }

        private int skipSpaces(int offset) {
            while (offset < ends[line] && text.charAt(offset) == ' ') {
                offset++;
            }
            return offset;
        }

        // ---- values on a key's or an item's line

        /**
         * The value starting at {@code offset} of the current line, in a collection whose column is
         * {@code indent}. Leaves the current line on the first line after the value.
         */
        private JsonNode inlineValue(int offset, int indent, String pointer, int depth) {
            valueAt(pointer, offset);
            char c = text.charAt(offset);
            JsonNode value;
            int end;
            switch (c) {
                case '"' -> {
                    StringBuilder out = new StringBuilder();
                    end = doubleQuoted(offset, out);
                    value = PositionedTreeReader.NODES.textNode(out.toString());
                }
                case '\'' -> {
                    StringBuilder out = new StringBuilder();
                    end = singleQuoted(offset, out);
                    value = PositionedTreeReader.NODES.textNode(out.toString());
                }
                case '{' -> {
                    if (depth > MAX_DEPTH) {
                        throw decline();
                    }
                    ObjectNode object = PositionedTreeReader.NODES.objectNode();
                    end = flowMapping(offset, object, pointer);
                    value = object;
                }
                case '[' -> {
                    if (depth > MAX_DEPTH) {
                        throw decline();
                    }
                    ArrayNode array = PositionedTreeReader.NODES.arrayNode();
                    end = flowSequence(offset, array, pointer);
                    value = array;
                }
                case '>', '|' -> {
                    return blockText(offset, indent);
                }
                default -> {
                    end = offset;
                    while (end < ends[line]
                            && !(text.charAt(end) == '#' && text.charAt(end - 1) == ' ')) {
                        end++;
                    }
                    while (end > offset && text.charAt(end - 1) == ' ') {
                        end--;
                    }
                    String plain = text.substring(offset, end);
                    if (plain.contains(": ") || plain.endsWith(":")) {
                        throw decline(); // a mapping where a value was expected: an error
                    }
                    value = plainScalar(plain);
                }
            }
            lineEnds(end);
            line++;
            return value;
        }

        /** After a value on one line: only spaces, then perhaps a comment. */
        private void lineEnds(int offset) {
            int after = skipSpaces(offset);
            if (after < ends[line] && (text.charAt(after) != '#' || after == offset)) {
                throw decline();
            }
        }

        /** A double-quoted scalar on one line; returns the offset after its closing quote. */
        private int doubleQuoted(int offset, StringBuilder out) {
            int i = offset + 1;
            while (true) {
                if (i >= ends[line]) {
                    throw decline(); // continues on the next line
                }
                char c = text.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char e = at(i + 1);
                    switch (e) {
                        case '"', '\\' -> out.append(e);
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            if (i + 6 > ends[line]) {
                                throw decline();
                            }
                            int code = hex(i + 2, i + 6);
                            if (Character.isSurrogate((char) code) || !allowed((char) code)) {
                                throw decline();
                            }
                            out.append((char) code);
                            i += 4;
                        }
                        default -> throw decline();
                    }
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
            }
            checkLength(out.length());
            return i + 1;
        }

        private int hex(int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0) {
                    throw decline();
                }
                value = value * 16 + digit;
            }
            return value;
        }

        /** A single-quoted scalar on one line; returns the offset after its closing quote. */
        private int singleQuoted(int offset, StringBuilder out) {
            int i = offset + 1;
            while (true) {
                if (i >= ends[line]) {
                    throw decline();
                }
                char c = text.charAt(i);
                if (c == '\'') {
                    if (at(i + 1) != '\'') {
                        break;
                    }
                    i++; // '' is one quote
                }
                out.append(c);
                i++;
            }
            checkLength(out.length());
            return i + 1;
        }

        private static void checkLength(int length) {
            if (length > MAX_SCALAR_CHARS) {
                throw decline();
            }
        }

        /**
         * The items of a flow collection on one line, from its opening bracket at {@code offset} to
         * {@code close}, separated by commas: {@code item} reads each from its first character and
         * returns the offset after it. Returns the offset after the close.
         */
        private int flowItems(int offset, char close, IntUnaryOperator item) {
            int i = skipSpaces(offset + 1);
            if (at(i) == close) {
                return i + 1;
            }
            while (true) {
                i = skipSpaces(item.applyAsInt(i));
                if (at(i) == close) {
                    return i + 1;
                }
                if (at(i) != ',') {
                    throw decline();
                }
                i = skipSpaces(i + 1);
            }
        }

        /**
         * {@code {key: value, ...}} on one line, of scalars; returns the offset after the brace.
         */
        private int flowMapping(int offset, ObjectNode object, String pointer) {
            return flowItems(
                    offset,
                    '}',
                    start -> {
                        int keyEnd = keyEnd(start);
                        if (at(keyEnd) != ':' || at(keyEnd + 1) != ' ') {
                            throw decline();
                        }
                        String name = knownName(text.substring(start, keyEnd));
                        if (object.has(name)) {
                            throw decline();
                        }
                        String child = child(pointer, name);
                        keyAt(child, start);
                        int valueAt = skipSpaces(keyEnd + 1);
                        valueAt(child, valueAt);
                        StringBuilder out = new StringBuilder();
                        int end = flowScalar(valueAt, out, '}');
                        object.set(name, scalarNode(at(valueAt), out.toString()));
                        return end;
                    });
        }

        /** {@code [value, ...]} on one line, of scalars; returns the offset after the bracket. */
        private int flowSequence(int offset, ArrayNode array, String pointer) {
            return flowItems(
                    offset,
                    ']',
                    start -> {
                        valueAt(child(pointer, array.size()), start);
                        StringBuilder out = new StringBuilder();
                        int end = flowScalar(start, out, ']');
                        array.add(scalarNode(at(start), out.toString()));
                        return end;
                    });
        }

        /**
         * A scalar inside a flow collection closed by {@code close}: quoted, or plain up to the
         * next comma or the close. Returns the offset after it; its text goes to {@code out}.
         */
        private int flowScalar(int offset, StringBuilder out, char close) {
            char first = at(offset);
            if (first == '"') {
                return doubleQuoted(offset, out);
            }
            if (first == '\'') {
                return singleQuoted(offset, out);
            }
            int end = offset;
            while (end < ends[line]) {
                char c = text.charAt(end);
                if (c == ',' || c == close) {
                    break;
                }
                if (c == ':' || c == '#' || c == '[' || c == ']' || c == '{' || c == '}') {
                    throw decline();
                }
                end++;
            }
            int trimmed = end;
            while (trimmed > offset && text.charAt(trimmed - 1) == ' ') {
                trimmed--;
            }
            out.append(text, offset, trimmed);
            return end;
        }

        /** A flow collection's scalar: a quoted one is text, a plain one is typed. */
        private JsonNode scalarNode(char first, String value) {
            return first == '"' || first == '\''
                    ? PositionedTreeReader.NODES.textNode(value)
                    : plainScalar(value);
        }

        /**
         * A plain scalar as YAML reads it: a date or a decimal number as records write them, true
         * or false, else text; declining anything YAML could read otherwise (another boolean, a
         * null, a special number).
         */
        private static JsonNode plainScalar(String plain) {
            checkLength(plain.length());
            if (plain.isEmpty()) {
                throw decline();
            }
            char first = plain.charAt(0);
            if (first >= '0' && first <= '9') {
                if (DATE.matcher(plain).matches()) {
                    return PositionedTreeReader.NODES.textNode(plain);
                }
                if (plain.length() <= MAX_NUMBER_CHARS && NUMBER.matcher(plain).matches()) {
                    return PositionedTreeReader.number(plain);
                }
                if (!wordAfterDigits(plain)) {
                    throw decline();
                }
                return PositionedTreeReader.NODES.textNode(plain);
            }
            if (plain.equals("true") || plain.equals("false")) {
                return PositionedTreeReader.NODES.booleanNode(plain.equals("true"));
            }
            boolean letter =
                    (first >= 'a' && first <= 'z')
                            || (first >= 'A' && first <= 'Z')
                            || (first >= 0x80 && Character.isLetter(first))
                            || first == '(';
            if (!letter
                    || (plain.length() <= 8
                            && SPECIAL_WORDS.contains(plain.toLowerCase(Locale.ROOT)))) {
                throw decline();
            }
            return PositionedTreeReader.NODES.textNode(plain);
        }

        /**
         * Whether text that starts with a digit holds what no number can: a space, or a letter that
         * is neither a hexadecimal digit nor one of the letters of 0x, 0o, 0b and 1e3 ("01.AI",
         * "01-ai", "12 monkeys").
         */
        private static boolean wordAfterDigits(String plain) {
            for (int i = 1; i < plain.length(); i++) {
                char c = plain.charAt(i);
                if (c == ' ' || (Character.isLetter(c) && "abcdefABCDEFxXoO".indexOf(c) < 0)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Folded or literal text ({@code >-}, {@code >}, {@code |-}, {@code |}) whose indicator is
         * at {@code offset}, in a collection at column {@code indent}: its lines share one indent,
         * none blank or more indented.
         */
        private JsonNode blockText(int offset, int indent) {
            boolean folded = text.charAt(offset) == '>';
            boolean strip = at(offset + 1) == '-';
            if (offset + (strip ? 2 : 1) != ends[line]) {
                throw decline(); // other indicators, or a comment after them
            }
            int first = line + 1;
            if (first >= starts.length || blank(first)) {
                throw decline();
            }
            int textIndent = indent(first);
            if (textIndent <= indent) {
                throw decline(); // empty text
            }
            StringBuilder out = new StringBuilder();
            int l = first;
            boolean blankSeen = false;
            for (; l < starts.length; l++) {
                if (blank(l)) {
                    blankSeen = true;
                    continue;
                }
                int lineIndent = indent(l);
                if (lineIndent < textIndent) {
                    break;
                }
                if (blankSeen || lineIndent > textIndent || text.charAt(ends[l] - 1) == ' ') {
                    throw decline(); // folding rules this reader leaves to SnakeYAML
                }
                if (l > first) {
                    out.append(folded ? ' ' : '\n');
                }
                out.append(text, starts[l] + textIndent, ends[l]);
            }
            int last = l - 1;
            while (blank(last)) {
                last--;
            }
            if (!strip) {
                if (ends[last] == text.length()) {
                    throw decline(); // text without a final line break
                }
                out.append('\n');
            }
            checkLength(out.length());
            line = l;
            return PositionedTreeReader.NODES.textNode(out.toString());
        }
    }
}
