package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/** The YAML and JSON hazards of SECURITY.md §3–4, each read through the real parser. */
class RecordParserTest {
    private final RecordParser parser = new RecordParser(new RecordMapper());

    private RecordParser.ParseResult yaml(String text) {
        return parser.parse(
                RecordKind.MODEL,
                Path.of("x.yaml"),
                "data/models/x.yaml",
                text.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode tree(String text) {
        RecordParser.ParseResult result = yaml(text);
        assertEquals(List.of(), result.findings());
        return result.record().orElseThrow().tree();
    }

    private Finding only(RecordParser.ParseResult result) {
        assertTrue(result.record().isEmpty(), "a file with hazards must not load");
        assertEquals(1, result.findings().size(), () -> "findings: " + result.findings());
        return result.findings().get(0);
    }

    @Test
    void aHexEscapeWithoutDigitsIsASyntaxErrorNotACrash() {
        // Found by fuzzing: SnakeYAML throws NumberFormatException here, outside its own
        // exceptions.
        Finding finding = only(yaml("{\"\\e]]]\\x"));
        assertEquals(org.keizu.diagnostic.Check.LOAD_002, finding.check());
        assertTrue(finding.message().contains("hex digits"), finding.message());
    }

    /**
     * A clean file is read in one pass, and the event scan runs only when that pass saw a hazard or
     * failed: every hazard must still be reported exactly as the scan reports it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "id: x\n---\n",
                "id: x\n...\n---\nid: y\n",
                "&k id: x\n",
                "id: x\nname: &n Name\nalias: *n\n",
                "id: !!str x\n",
                "id: x\nlist: !seq [1, 2]\n",
                "id: x\nmap: !custom {a: 1}\n",
                "id: x\nname: *undefined\n",
                "a: {b: {c: {d: {e: {f: {g: {h: {i: {j: {k: {l: {m: {n: {o: {p: {q: {r: {s: {t: {u: 1}}}}}}}}}}}}}}}}}}}}\n",
                "id: x\nname: [unclosed\n",
            })
    void reportsEachHazardAsTheEventScanDoes(String text) {
        List<Finding> scanned = new java.util.ArrayList<>();
        YamlHazardScan.scan(text, "data/models/x.yaml", scanned::add);
        assertTrue(!scanned.isEmpty(), "the scan finds something in: " + text);
        assertEquals(scanned, yaml(text).findings());
    }

    @Test
    void keepsNorwayAsTextNotFalse() {
        JsonNode tree = tree("country: NO\nflag: yes\nswitch: off\n");
        assertEquals("NO", tree.get("country").textValue());
        assertEquals("yes", tree.get("flag").textValue());
        assertEquals("off", tree.get("switch").textValue());
    }

    @Test
    void keepsDatesAsTheTextWritten() {
        JsonNode tree = tree("released: 2024-02-30\nreviewed: 2026-11-29\n");
        assertEquals("2024-02-30", tree.get("released").textValue());
    }

    @Test
    void readsYaml12BooleansNullsAndExactNumbers() {
        JsonNode tree = tree("a: true\nb: ~\nc: 671e9\nd: 1.10\n");
        assertTrue(tree.get("a").booleanValue());
        assertTrue(tree.get("b").isNull());
        assertEquals("6.71E+11", tree.get("c").decimalValue().toString());
        assertEquals("1.10", tree.get("d").decimalValue().toPlainString());
    }

    @Test
    void recordsThePositionOfEveryValue() {
        RecordParser.ParseResult result = yaml("id: x\nlineage:\n  - base: deepseek-v9\n");
        PositionIndex positions = result.record().orElseThrow().positions();
        assertEquals(3, positions.value("/lineage/0/base").line());
        assertEquals(11, positions.value("/lineage/0/base").column());
        assertEquals(3, positions.key("/lineage/0/base").line());
        assertEquals(5, positions.key("/lineage/0/base").column());
    }

    @Test
    void rejectsDuplicateKeysNamingBothLines() {
        Finding f = only(yaml("id: x\nname: a\nname: b\n"));
        assertEquals(Check.LOAD_003, f.check());
        assertEquals(3, f.line());
        assertTrue(f.message().contains("line 2"), f.message());
    }

    @Test
    void rejectsAnAliasEvenToAScalar() {
        RecordParser.ParseResult result = yaml("a: &x 1\nb: *x\n");
        assertTrue(result.record().isEmpty());
        assertEquals(
                List.of(Check.LOAD_004, Check.LOAD_004),
                result.findings().stream().map(Finding::check).toList());
    }

    @Test
    void rejectsABillionLaughsWithoutExpandingIt() {
        StringBuilder text = new StringBuilder("a: &a [\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            text.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append((char) (c - 1))
                    .append(", *")
                    .append((char) (c - 1))
                    .append("]\n");
        }
        RecordParser.ParseResult result = yaml(text.toString());
        assertTrue(result.record().isEmpty());
        assertTrue(result.findings().stream().allMatch(f -> f.check() == Check.LOAD_004));
    }

    @Test
    void rejectsTagsOnMappingsToo() {
        assertEquals(Check.LOAD_005, only(yaml("a: !foo {x: 1}\n")).check());
    }

    @Test
    void rejectsASecondDocument() {
        Finding f = only(yaml("id: x\n---\nid: y\n"));
        assertEquals(Check.LOAD_006, f.check());
        assertEquals(2, f.line());
    }

    @Test
    void rejectsTabIndentationAtItsLine() {
        Finding f = only(yaml("id: x\nclaims:\n\t- kind: vague\n"));
        assertEquals(Check.LOAD_009, f.check());
        assertEquals(3, f.line());
        assertEquals(1, f.column());
    }

    @Test
    void rejectsAnOversizedFileBeforeReadingIt() {
        byte[] big = new byte[RecordMapper.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        RecordParser.ParseResult result =
                parser.parse(RecordKind.MODEL, Path.of("x.yaml"), "x.yaml", big);
        assertEquals(Check.LOAD_007, only(result).check());
    }

    @Test
    void rejectsInvalidUtf8AtItsLine() {
        byte[] bytes = "id: x\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Finding f = only(parser.parse(RecordKind.MODEL, Path.of("x.yaml"), "x.yaml", bytes));
        assertEquals(Check.LOAD_001, f.check());
        assertEquals(2, f.line());
    }

    /**
     * Every kind of bad UTF-8 (a stray continuation byte, a cut sequence, an overlong form, an
     * encoded surrogate, a code point past U+10FFFF) is reported at its line, as the strict decoder
     * reports it, whatever the fast decoding made of it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"80", "C3", "E6 97", "C0 AF", "ED A0 80", "F4 90 80 80", "FF"})
    void rejectsEveryKindOfInvalidUtf8AtItsLine(String hex) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("id: x\nname: caf".getBytes(StandardCharsets.UTF_8));
        for (String b : hex.split(" ")) {
            bytes.write(Integer.parseInt(b, 16));
        }
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Finding f =
                only(
                        parser.parse(
                                RecordKind.MODEL,
                                Path.of("x.yaml"),
                                "x.yaml",
                                bytes.toByteArray()));
        assertEquals(Check.LOAD_001, f.check());
        assertEquals(2, f.line());
    }

    @Test
    void acceptsAReplacementCharacterWrittenOnPurpose() {
        assertEquals("a\uFFFDb", tree("id: x\nname: a\uFFFDb\n").get("name").textValue());
    }

    @Test
    void acceptsOneLeadingByteOrderMark() {
        assertEquals("x", tree("\uFEFFid: x\n").get("id").textValue());
    }

    @Test
    void rejectsAListWhereARecordBelongs() {
        assertEquals(Check.LOAD_010, only(yaml("- a\n- b\n")).check());
        assertEquals(Check.LOAD_010, only(yaml("")).check());
    }

    @Test
    void readsJsonRecordsWithPositionsAndTheSameStrictness() {
        RecordParser.ParseResult ok =
                parser.parse(
                        RecordKind.MODEL,
                        Path.of("x.json"),
                        "x.json",
                        "{\n  \"id\": \"x\",\n  \"country\": \"NO\"\n}"
                                .getBytes(StandardCharsets.UTF_8));
        assertEquals("NO", ok.record().orElseThrow().tree().get("country").textValue());
        assertEquals(3, ok.record().orElseThrow().positions().value("/country").line());
        RecordParser.ParseResult dup =
                parser.parse(
                        RecordKind.MODEL,
                        Path.of("x.json"),
                        "x.json",
                        "{\"id\": \"x\",\n \"id\": \"y\"}".getBytes(StandardCharsets.UTF_8));
        Finding f = only(dup);
        assertEquals(Check.LOAD_003, f.check());
        assertEquals(2, f.line());
        RecordParser.ParseResult trailing =
                parser.parse(
                        RecordKind.MODEL,
                        Path.of("x.json"),
                        "x.json",
                        "{\"id\": \"x\"} {}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Check.LOAD_006, only(trailing).check());
    }
}
