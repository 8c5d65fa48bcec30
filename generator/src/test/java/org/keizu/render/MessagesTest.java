package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Placeholders are filled once, in one pass: an argument is printed as it is, whatever it holds.
 */
class MessagesTest {
    private final Messages messages =
            new Messages(
                    Map.of(
                            "pair", "{0} and {1}",
                            "keizu", "Keizu's verdict on {0}: {1}.",
                            "odd", "{x} {} {9} {0}"));

    @Test
    void anArgumentHoldingAPlaceholderIsNotFilledAgain() {
        assertEquals("{1} and Llama", messages.format("pair", "{1}", "Llama"));
    }

    @Test
    void apostrophesAndUnknownBracesStayAsWritten() {
        assertEquals(
                "Keizu's verdict on Kimi K2: no base found.",
                messages.format("keizu", "Kimi K2", "no base found"));
        assertEquals("{x} {} {9} A", messages.format("odd", "A"));
    }

    @Test
    void aMissingKeyIsASetUpError() {
        assertThrows(IllegalStateException.class, () -> messages.format("absent"));
    }
}
