package org.keizu.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A safetensors header is a stranger's word: every length and offset is checked before use. */
class SafetensorsHeaderTest {
    private static SafetensorsHeader parse(String json, long fileSize) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return SafetensorsHeader.parse(header, fileSize, "test");
    }

    @Test
    void readsTensorsWithOffsetsFromTheStartOfTheFile() {
        String json =
                "{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]},"
                        + "\"a\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}";
        long start = 8 + json.length();
        SafetensorsHeader h = parse(json, start + 12);
        assertEquals(2, h.tensors().size());
        assertEquals("a", h.tensors().get(0).name(), "in file order");
        assertEquals(start, h.tensors().get(0).begin());
        assertEquals(start + 12, h.tensors().get(1).end());
    }

    @Test
    void refusesARangeThatDoesNotHoldItsShape() {
        FetchException e =
                assertThrows(
                        FetchException.class,
                        () ->
                                parse(
                                        "{\"a\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[0,4]}}",
                                        1000));
        assertTrue(e.getMessage().contains("does not hold 3 elements"), e.getMessage());
    }

    @Test
    void refusesNegativeAndOverflowingShapesAndUnknownTypes() {
        assertThrows(
                FetchException.class,
                () ->
                        parse(
                                "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}",
                                1000));
        assertThrows(
                FetchException.class,
                () ->
                        parse(
                                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,4]}}",
                                1000));
        assertThrows(
                FetchException.class,
                () ->
                        parse(
                                "{\"a\":{\"dtype\":\"Q9\",\"shape\":[1],\"data_offsets\":[0,1]}}",
                                1000));
        assertThrows(
                FetchException.class,
                () ->
                        parse(
                                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}",
                                1000));
        assertThrows(FetchException.class, () -> parse("[1,2]", 1000));
        assertThrows(FetchException.class, () -> parse("{\"a\":", 1000));
    }

    @Test
    void refusesHeaderLengthsPastTheCapOrTheFile() {
        byte[] start = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0};
        assertThrows(
                FetchException.class, () -> SafetensorsHeader.headerLength(start, 1L << 40, "t"));
        byte[] small = {100, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(100, SafetensorsHeader.headerLength(small, 108, "t"));
        assertThrows(FetchException.class, () -> SafetensorsHeader.headerLength(small, 107, "t"));
        byte[] negative = {0, 0, 0, 0, 0, 0, 0, (byte) 0x80};
        assertThrows(
                FetchException.class, () -> SafetensorsHeader.headerLength(negative, 1000, "t"));
    }
}
