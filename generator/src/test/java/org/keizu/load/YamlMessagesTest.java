package org.keizu.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/**
 * A contributor's YAML mistakes are said in plain words, at the line where the broken part starts.
 */
class YamlMessagesTest {
    private final RecordParser parser = new RecordParser(new RecordMapper());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
        unclosed mapping    | id: x\\nsummary: {text: a, source: b\\nname: y\\n              | 2 | mapping is not closed
        unclosed list       | id: x\\naliases: [a, b\\nname: y\\n                         | 2 | list is not closed
        unclosed quote      | id: x\\nname: "Rakuten\\ncountry: JP\\n                     | 2 | quoted text is not closed
        colon in a value    | id: x\\nname: Model: the sequel\\n                            | 2 | put the value in quotes
        bad indentation     | id: x\\nsummary:\\n  text: a\\n source: b\\n                  | 4 | indentation
        reserved character  | id: x\\nname: @handle\\n                                      | 2 | reserves
        """)
    void saysWhatToChange(String mistake, String yaml, int line, String words) {
        byte[] bytes = yaml.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        List<Finding> findings =
                parser.parse(RecordKind.MODEL, Path.of("x.yaml"), "data/models/x.yaml", bytes)
                        .findings();
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Check.LOAD_002, finding.check());
        assertEquals(line, finding.line(), finding.toString());
        assertTrue(finding.message().contains(words), finding.message());
        assertFalse(
                finding.message().contains("while parsing") || finding.message().contains("<block"),
                finding.message());
    }
}
