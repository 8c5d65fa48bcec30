package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueCheckTest {
    @Test
    void printableAsciiPassesAndEveryOtherCharacterIsStillJudged() {
        assertEquals(Optional.empty(), ValueCheck.invisibleCharacter(" Az~09!", false));
        assertEquals(
                Optional.of(
                        "character U+007F at position 3 is invisible or a control character; remove it"),
                ValueCheck.invisibleCharacter("ab\u007Fc", false));
        assertEquals(
                Optional.of(
                        "character U+0009 at position 2 is invisible or a control character; remove it"),
                ValueCheck.invisibleCharacter("a\tb", false));
        assertEquals(Optional.empty(), ValueCheck.invisibleCharacter("a\tb\nc", true));
        // Positions count characters, not UTF-16 units: the emoji is one.
        assertEquals(
                Optional.of(
                        "character U+200B at position 3 is invisible or a control character; remove it"),
                ValueCheck.invisibleCharacter("\uD83D\uDE00a\u200Bb", false));
        assertEquals(Optional.empty(), ValueCheck.invisibleCharacter("東京 é \uD83D\uDE00", false));
    }
}
