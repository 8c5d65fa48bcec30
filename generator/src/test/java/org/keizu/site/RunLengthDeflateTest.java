package org.keizu.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The run-length deflate against the JDK's own zlib inflater: every kind of input comes back. */
class RunLengthDeflateTest {
    private static byte[] inflate(byte[] zlib) throws DataFormatException {
        Inflater inflater = new Inflater(); // checks the zlib header and the Adler-32 at the end
        inflater.setInput(zlib);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0
                    && !inflater.finished()
                    && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("the stream ended early");
            }
            out.write(buffer, 0, n);
        }
        assertEquals(0, inflater.getRemaining(), "nothing after the stream");
        inflater.end();
        return out.toByteArray();
    }

    private static void assertRoundTrip(byte[] data) throws DataFormatException {
        assertArrayEquals(data, inflate(RunLengthDeflate.compress(data)));
        for (int row : new int[] {3, 7, 100, 3601, RunLengthDeflate.MAX_DISTANCE}) {
            assertArrayEquals(data, inflate(RunLengthDeflate.compress(data, row)), "row " + row);
        }
    }

    @Test
    void rowsThatRepeatTheRowAboveAreSaidAsMatches() throws DataFormatException {
        int row = 3601;
        byte[] data = new byte[row * 40];
        Random random = new Random(3);
        for (int i = 0; i < row; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        for (int i = row; i < data.length; i++) {
            data[i] = random.nextInt(50) == 0 ? (byte) random.nextInt(256) : data[i - row];
        }
        byte[] plain = RunLengthDeflate.compress(data);
        byte[] withRows = RunLengthDeflate.compress(data, row);
        assertArrayEquals(data, inflate(withRows));
        assertTrue(withRows.length < plain.length / 3, withRows.length + " vs " + plain.length);
    }

    @Test
    void segmentsDeflatedApartJoinIntoOneStreamOfTheirData() throws DataFormatException {
        Random random = new Random(11);
        int row = 301;
        for (int round = 0; round < 40; round++) {
            byte[] data = new byte[random.nextInt(20_000)];
            for (int i = 0; i < data.length; i++) {
                // Runs, rows that repeat the one above, and noise: every kind of match and literal.
                data[i] =
                        i >= row && random.nextInt(3) > 0
                                ? data[i - row]
                                : random.nextInt(4) == 0 ? (byte) random.nextInt(256) : 0;
            }
            // Cut anywhere, including at the very start and end: empty segments too.
            int a = random.nextInt(data.length + 1);
            int b = a + random.nextInt(data.length - a + 1);
            byte[] joined =
                    RunLengthDeflate.join(
                            java.util.List.of(
                                    RunLengthDeflate.segment(data, 0, a, row),
                                    RunLengthDeflate.segment(data, a, b, row),
                                    RunLengthDeflate.segment(data, b, data.length, row)));
            // The inflater checks the stream's Adler-32, combined from the segments'.
            assertArrayEquals(data, inflate(joined), "cut at " + a + " and " + b);
        }
        assertArrayEquals(new byte[0], inflate(RunLengthDeflate.join(java.util.List.of())));
    }

    @Test
    void combinedChecksumsAreTheChecksumOfTheWhole() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(300_000)];
            random.nextBytes(data);
            int cut = random.nextInt(data.length + 1);
            java.util.zip.Adler32 first = new java.util.zip.Adler32();
            first.update(data, 0, cut);
            java.util.zip.Adler32 second = new java.util.zip.Adler32();
            second.update(data, cut, data.length - cut);
            java.util.zip.Adler32 whole = new java.util.zip.Adler32();
            whole.update(data);
            assertEquals(
                    whole.getValue(),
                    RunLengthDeflate.combine(
                            first.getValue(), second.getValue(), data.length - cut));
        }
    }

    @Test
    void aDistanceDeflateCannotSayIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> RunLengthDeflate.compress(new byte[1], RunLengthDeflate.MAX_DISTANCE + 1));
    }

    @Test
    void emptyAndTinyInputs() throws DataFormatException {
        assertRoundTrip(new byte[0]);
        assertRoundTrip(new byte[] {7});
        assertRoundTrip(new byte[] {0, 0});
        assertRoundTrip(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    }

    @Test
    void everyRunLengthAroundTheMatchLimits() throws DataFormatException {
        // Runs of 1 to 1,040 bytes: around 3 (the shortest match), 258 (the longest) and its
        // multiples, where a last piece of 1 or 2 bytes must not become a match.
        for (int run = 1; run <= 1040; run++) {
            byte[] data = new byte[run + 2];
            java.util.Arrays.fill(data, 1, run + 1, (byte) 200);
            data[0] = 5;
            data[run + 1] = 9;
            assertRoundTrip(data);
        }
    }

    @Test
    void everyByteValueAsLiteralAndAsRun() throws DataFormatException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int v = 0; v < 256; v++) {
            data.write(v);
            for (int k = 0; k < v % 7; k++) {
                data.write(v);
            }
        }
        assertRoundTrip(data.toByteArray());
    }

    @Test
    void randomBytesWithRuns() throws DataFormatException {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            byte[] data = new byte[random.nextInt(100_000)];
            for (int i = 0; i < data.length; ) {
                int run = random.nextInt(4) == 0 ? random.nextInt(2_000) : 1;
                byte b = (byte) random.nextInt(256);
                for (int k = 0; k < run && i < data.length; k++) {
                    data[i++] = b;
                }
            }
            assertRoundTrip(data);
        }
    }

    @Test
    void mostlyZerosShrinkToAFraction() throws DataFormatException {
        byte[] rows = new byte[2_268_630]; // a card's filtered rows are 98 % zeros
        Random random = new Random(7);
        for (int i = 0; i < 44_000; i++) {
            rows[random.nextInt(rows.length)] = (byte) random.nextInt(256);
        }
        byte[] zlib = RunLengthDeflate.compress(rows);
        assertArrayEquals(rows, inflate(zlib));
        // Scattered bytes break every run: about 4 bytes each; a card's cluster in its text rows.
        assertTrue(zlib.length < rows.length / 10, zlib.length + " bytes");
    }
}
