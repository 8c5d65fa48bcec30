package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The rule {@link PlainYaml} is held to, for PlainYamlTest and the fuzz target: the parser gives
 * for any text exactly what it gives when SnakeYAML reads every file (the same findings, tree and
 * positions of values and keys).
 */
public final class PlainYamlOracle {
    private PlainYamlOracle() {}

    private static final RecordMapper MAPPERS = new RecordMapper();
    private static final RecordParser WITH_PLAIN = new RecordParser(MAPPERS);
    private static final RecordParser SNAKE_YAML = RecordParser.snakeYamlOnly(MAPPERS);

    /** Asserts both parsers give the same for {@code text}; returns whether PlainYaml read it. */
    public static boolean agrees(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        RecordParser.ParseResult plain =
                WITH_PLAIN.parse(RecordKind.MODEL, Path.of("x.yaml"), "data/models/x.yaml", bytes);
        RecordParser.ParseResult reference =
                SNAKE_YAML.parse(RecordKind.MODEL, Path.of("x.yaml"), "data/models/x.yaml", bytes);
        assertEquals(reference.findings(), plain.findings(), () -> name + ":\n" + text);
        assertEquals(
                reference.record().isPresent(),
                plain.record().isPresent(),
                () -> name + ":\n" + text);
        if (reference.record().isPresent()) {
            ParsedRecord a = reference.record().get();
            ParsedRecord b = plain.record().get();
            assertEquals(a.tree(), b.tree(), () -> name + ":\n" + text);
            assertTrue(
                    a.positions().samePositions(b.positions()),
                    () -> name + ": positions differ:\n" + text);
        }
        return PlainYaml.readOrThrow(text).isPresent();
    }
}
