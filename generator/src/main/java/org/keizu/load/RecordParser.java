package org.keizu.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;

/**
 * Reads one record file, YAML or JSON, into a tree with the position of every value.
 *
 * <p>Strict on purpose (SECURITY.md §5.1): one document, no duplicate keys, no anchors, aliases or
 * tags, limited size and depth. Scalars are typed by YAML 1.2's core schema, not YAML 1.1's, so
 * that {@code country: NO} stays the text "NO"; dates stay text until validation checks them.
 * {@link PositionedTreeReader} builds the tree; {@link ParseErrorFindings} rewords Jackson's errors
 * as findings.
 *
 * <pre>
 *   RecordParser parser = new RecordParser(new RecordMapper());
 *   ParseResult r = parser.parse(RecordKind.MODEL, path, "data/models/x.yaml", bytes);
 *   r.record().ifPresent(...); r.findings().forEach(...);
 * </pre>
 */
public final class RecordParser {
    private final RecordMapper mappers;

    /** Whether YAML in the form {@link PlainYaml} reads is read by it, not by SnakeYAML. */
    private final boolean plainYaml;

    public RecordParser(RecordMapper mappers) {
        this(mappers, true);
    }

    private RecordParser(RecordMapper mappers, boolean plainYaml) {
        this.mappers = mappers;
        this.plainYaml = plainYaml;
    }

    /** A parser that reads every YAML file with SnakeYAML: the reference PlainYaml is held to. */
    static RecordParser snakeYamlOnly(RecordMapper mappers) {
        return new RecordParser(mappers, false);
    }

    /**
     * What reading one file gave: the record, or the findings that stopped it (never both empty).
     */
    public record ParseResult(Optional<ParsedRecord> record, List<Finding> findings) {}

    public ParseResult parse(RecordKind kind, Path file, String displayPath, byte[] bytes) {
        return parse(kind, file, displayPath, bytes, null);
    }

    /**
     * As {@link #parse(RecordKind, Path, String, byte[])}; a record read in one pass ({@link
     * PlainYaml}) notes no positions, and {@code positionsLater} makes them the first time one is
     * asked for (a finding's), by reading the file again. Null: positions are noted as it is read.
     */
    public ParseResult parse(
            RecordKind kind,
            Path file,
            String displayPath,
            byte[] bytes,
            Supplier<PositionIndex> positionsLater) {
        List<Finding> findings = new ArrayList<>();
        if (bytes.length > kind.maxBytes()) {
            // Only the first MAX + 1 bytes were read: say "more than", never a made-up size.
            findings.add(
                    Finding.error(
                            displayPath,
                            Position.WHOLE_FILE,
                            Check.LOAD_007,
                            "the file is larger than "
                                    + kind.maxBytes() / 1024
                                    + " KiB, the most a record may hold"));
            return new ParseResult(Optional.empty(), findings);
        }
        Optional<String> text = decode(bytes, displayPath, findings);
        if (text.isEmpty()) {
            return new ParseResult(Optional.empty(), findings);
        }
        boolean isYaml = !displayPath.endsWith(".json");
        if (isYaml
                && YamlHazardScan.reportTabIndentation(text.get(), displayPath, findings::add)
                        > 0) {
            return new ParseResult(Optional.empty(), findings);
        }
        // One pass for a clean file: the tree is built and hazards are only noticed. The event
        // scan, which names each hazard at its place as Jackson cannot, runs only for a file that
        // has one or did not parse (a second reading of every file was a third of validate's time).
        Tree tree = tree(kind, file, displayPath, text.get(), isYaml, positionsLater);
        if (isYaml
                && (tree.hazard()
                        || !tree.result().findings().isEmpty()
                        || YamlHazardScan.mayHoldDocuments(text.get()))) {
            List<Finding> hazards = new ArrayList<>();
            YamlHazardScan.scan(text.get(), displayPath, hazards::add);
            if (!hazards.isEmpty()) {
                return new ParseResult(Optional.empty(), hazards);
            }
        }
        return tree.result();
    }

    /** The tree pass's result, and whether it saw what only the event scan reports well. */
    private record Tree(ParseResult result, boolean hazard) {}

    private Tree tree(
            RecordKind kind,
            Path file,
            String displayPath,
            String text,
            boolean isYaml,
            Supplier<PositionIndex> positionsLater) {
        if (isYaml && plainYaml) {
            // Most records are plain YAML, read in one pass; SnakeYAML reads the rest, and is the
            // reference the plain reading is tested against.
            Optional<PlainYaml.Read> plain = PlainYaml.read(text, positionsLater == null);
            if (plain.isPresent()) {
                PositionIndex positions = plain.get().positions();
                if (positions == null) {
                    positions = new PositionIndex();
                    positions.release(positionsLater);
                }
                return new Tree(
                        new ParseResult(
                                Optional.of(
                                        new ParsedRecord(
                                                kind,
                                                file,
                                                displayPath,
                                                plain.get().tree(),
                                                positions)),
                                List.of()),
                        false);
            }
        }
        List<Finding> findings = new ArrayList<>();
        PositionIndex positions = new PositionIndex();
        PositionedTreeReader reader = null;
        try (JsonParser parser =
                isYaml
                        ? mappers.yamlFactory().createParser(text)
                        : mappers.jsonFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            reader = new PositionedTreeReader(parser, displayPath, isYaml, positions, findings);
            if (first != JsonToken.START_OBJECT) {
                findings.add(
                        Finding.error(
                                displayPath,
                                first == null
                                        ? new Position(1, 1)
                                        : PositionedTreeReader.at(parser),
                                Check.LOAD_010,
                                first == null
                                        ? "the file is empty"
                                        : "the file must hold a mapping of fields, not a "
                                                + describe(first)));
                return failed(findings, reader);
            }
            JsonNode tree;
            JsonToken after;
            try {
                tree = reader.value("", 1);
                after = parser.nextToken();
            } catch (StreamConstraintsException e) {
                // Here the parser still knows where it stopped; the exception often does not.
                findings.add(ParseErrorFindings.limit(displayPath, e, parser.currentLocation()));
                return failed(findings, reader);
            }
            if (after != null) {
                findings.add(
                        Finding.error(
                                displayPath,
                                PositionedTreeReader.at(parser),
                                Check.LOAD_006,
                                "more content follows the record; put one record in each file"));
            }
            return findings.isEmpty() && !reader.sawYamlHazard()
                    ? new Tree(
                            new ParseResult(
                                    Optional.of(
                                            new ParsedRecord(
                                                    kind, file, displayPath, tree, positions)),
                                    findings),
                            false)
                    : failed(findings, reader);
        } catch (StreamConstraintsException e) {
            findings.add(ParseErrorFindings.limit(displayPath, e, e.getLocation()));
        } catch (JsonProcessingException e) {
            findings.add(ParseErrorFindings.syntax(displayPath, e));
        } catch (IOException e) {
            findings.add(
                    Finding.error(
                            displayPath,
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            YamlHazardScan.oneLine(e.getMessage())));
        } catch (RuntimeException e) {
            // A parser that fails outside its own exception types (fuzzing found SnakeYAML doing
            // so) still yields a finding for this file, so that no other file's findings are lost.
            findings.add(
                    Finding.error(
                            displayPath,
                            Position.WHOLE_FILE,
                            Check.LOAD_002,
                            "the file cannot be parsed; check quoting and escape sequences"));
        }
        return failed(findings, reader);
    }

    /**
     * A pass that yields no record: its findings, and whether it saw a YAML hazard (then its
     * findings may be empty, and the event scan names the hazard).
     */
    private static Tree failed(List<Finding> findings, PositionedTreeReader reader) {
        return new Tree(
                new ParseResult(Optional.empty(), findings),
                reader != null && reader.sawYamlHazard());
    }

    /**
     * Decodes UTF-8 strictly, for every text file Keizu reads: a bad byte is reported with its
     * line, never replaced. One leading BOM is allowed.
     */
    static Optional<String> decode(byte[] bytes, String file, List<Finding> findings) {
        // The String constructor decodes far faster than a CharsetDecoder, replacing each bad byte
        // with U+FFFD; text without one was valid. Text with one is decoded strictly again, to
        // report the bad byte or to accept a U+FFFD written on purpose.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return Optional.of(fast.startsWith("\uFEFF") ? fast.substring(1) : fast);
        }
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(buffer).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int offset = buffer.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            findings.add(
                    Finding.error(
                            file,
                            new Position(line, offset - lineStart + 1),
                            Check.LOAD_001,
                            "byte " + offset + " is not valid UTF-8; save the file as UTF-8"));
            return Optional.empty();
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "list";
            case VALUE_STRING -> "single text value";
            default -> "single value";
        };
    }
}
