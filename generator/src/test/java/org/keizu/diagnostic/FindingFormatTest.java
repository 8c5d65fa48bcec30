package org.keizu.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A hostile file name can neither drive a terminal nor forge a GitHub workflow command. */
class FindingFormatTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "data/models/\u001b[2J\u001b[31mred.yaml",
                "data/models/bell\u0007.yaml",
                "data/models/evil\u202egnp.yaml",
                "data/models/x.yaml\n::error file=README.md,line=1::forged",
                "data/models/x.yaml\r::warning::forged",
            })
    void fileNamesAreEscapedInTextAndInWorkflowCommands(String file) {
        Finding finding = new Finding(file, 3, 5, Severity.ERROR, Check.ID_002, "id \"x\" is bad");
        for (FindingFormat format : FindingFormat.values()) {
            String line = format.format(finding);
            assertFalse(
                    line.contains("\n") || line.contains("\r"),
                    format + " printed a line break: " + line);
            assertTrue(
                    line.codePoints()
                            .noneMatch(
                                    cp ->
                                            Character.getType(cp) == Character.CONTROL
                                                    || Character.getType(cp) == Character.FORMAT),
                    format + " printed a control character: " + line);
        }
        String github = FindingFormat.GITHUB.format(finding);
        assertTrue(github.startsWith("::error file="), github);
        assertEquals(
                github.indexOf("::", 2),
                github.lastIndexOf("::"),
                "one workflow command only, whose message follows the last '::': " + github);
    }

    @Test
    void aFindingAboutTheWholeFileNamesTheFileWithoutAPosition() {
        Finding whole =
                Finding.error(
                        "data/models/x.yaml", Position.WHOLE_FILE, Check.LOAD_001, "cannot read");
        assertEquals(
                "data/models/x.yaml: error [LOAD-001 unreadable-file] cannot read",
                FindingFormat.TEXT.format(whole));
        assertEquals(
                "::error file=data/models/x.yaml,title=LOAD-001 unreadable-file::cannot read",
                FindingFormat.GITHUB.format(whole));
        Finding placed =
                Finding.error(
                        "data/models/x.yaml", new Position(3, 7), Check.LOAD_001, "cannot read");
        assertEquals(
                "data/models/x.yaml:3:7: error [LOAD-001 unreadable-file] cannot read",
                FindingFormat.TEXT.format(placed));
    }
}
