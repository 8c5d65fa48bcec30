package org.keizu.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheWordAnywhereAndOnlyWhereItIs() {
        byte[] word = ascii("snapshot");
        assertTrue(Bytes.contains(ascii("snapshot"), word));
        assertTrue(Bytes.contains(ascii("config:\n  snapshot: x\n"), word));
        assertTrue(Bytes.contains(ascii("snapsnapshot"), word), "after a false start");
        assertTrue(Bytes.contains(ascii("xx snapshot"), word), "at the very end");
        assertFalse(Bytes.contains(ascii("snapshoT"), word));
        assertFalse(Bytes.contains(ascii("snapsho"), word), "shorter than the word");
        assertFalse(Bytes.contains(ascii("napshot snapsho"), word));
        assertFalse(Bytes.contains(new byte[0], word));
        assertTrue(Bytes.contains(new byte[0], new byte[0]));
        assertTrue(Bytes.contains(ascii("名前 snapshot 系図"), word), "among multi-byte text");
        assertTrue(Bytes.contains(ascii("系図"), ascii("図")));
        assertFalse(Bytes.contains(ascii("系図"), ascii("系系")));
    }

    /** Against the plain search at every place, on texts built to hold near misses. */
    @Test
    void agreesWithTheSearchAtEveryPlaceOnRandomText() {
        Random random = new Random(20261201);
        byte[] alphabet = {'a', 'b', 's', 'n', 'p', (byte) 0xE5, (byte) 0x80};
        int found = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] sought = new byte[1 + random.nextInt(6)];
            byte[] text = new byte[random.nextInt(40)];
            for (int i = 0; i < sought.length; i++) {
                sought[i] = alphabet[random.nextInt(3 + round % 5)];
            }
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(3 + round % 5)];
            }
            boolean expected = plainSearch(text, sought);
            found += expected ? 1 : 0;
            assertEquals(
                    expected,
                    Bytes.contains(text, sought),
                    () -> new String(text) + " / " + new String(sought));
        }
        assertTrue(found > 2_000 && found < 18_000, "both answers are tried often: " + found);
    }

    private static boolean plainSearch(byte[] bytes, byte[] sought) {
        outer:
        for (int i = 0; i + sought.length <= bytes.length; i++) {
            for (int j = 0; j < sought.length; j++) {
                if (bytes[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
