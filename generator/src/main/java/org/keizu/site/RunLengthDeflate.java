package org.keizu.site;

import java.util.zip.Adler32;

/**
 * A zlib stream (RFC 1950) of one deflate block with the fixed Huffman codes (RFC 1951 §3.2.6), in
 * which every run of a repeated byte is a match at distance 1 and every other byte a literal: what
 * zlib calls its RLE strategy, which java.util.zip does not offer.
 *
 * <p>Why: a share card's filtered rows are 98 % zeros (flat paper, and rows equal to the one
 * above), and {@code Deflater} at its fastest level spent 3.4 ms of a card's 5.2 ms hashing them
 * for matches that are all at distance 1; at 10,000 models that was a quarter of the site's build.
 * This makes one pass over the bytes. The stream is about a fifth larger than zlib's (it never
 * finds the row above), which only the share images' size feels.
 */
final class RunLengthDeflate {
    /** The longest match deflate can say: length code 285, no extra bits. */
    private static final int MAX_MATCH = 258;

    /** Base lengths of length codes 257 to 284, and their extra bits (RFC 1951 §3.2.5). */
    private static final int[] LENGTH_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227
    };

    private static final int[] LENGTH_EXTRA = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5
    };

    /** Each literal/length symbol's fixed code, bit-reversed for writing, and its length. */
    private static final int[] CODE = new int[286];

    private static final int[] CODE_LENGTH = new int[286];

    /** For each match length 3 to 258: its symbol, and the value and count of its extra bits. */
    private static final int[] LENGTH_SYMBOL = new int[MAX_MATCH + 1];

    private static final int[] LENGTH_EXTRA_VALUE = new int[MAX_MATCH + 1];
    private static final int[] LENGTH_EXTRA_BITS = new int[MAX_MATCH + 1];

    static {
        for (int symbol = 0; symbol < CODE.length; symbol++) {
            int code;
            int length;
            if (symbol < 144) {
                code = 0x30 + symbol;
                length = 8;
            } else if (symbol < 256) {
                code = 0x190 + symbol - 144;
                length = 9;
            } else if (symbol < 280) {
                code = symbol - 256;
                length = 7;
            } else {
                code = 0xc0 + symbol - 280;
                length = 8;
            }
            // Huffman codes go out from their most significant bit.
            CODE[symbol] = Integer.reverse(code) >>> (32 - length);
            CODE_LENGTH[symbol] = length;
        }
        for (int length = 3; length <= MAX_MATCH; length++) {
            if (length == MAX_MATCH) {
                LENGTH_SYMBOL[length] = 285;
                continue;
            }
            int code = LENGTH_BASE.length - 1;
            while (LENGTH_BASE[code] > length) {
                code--;
            }
            LENGTH_SYMBOL[length] = 257 + code;
            LENGTH_EXTRA_VALUE[length] = length - LENGTH_BASE[code];
            LENGTH_EXTRA_BITS[length] = LENGTH_EXTRA[code];
        }
    }

    private byte[] out;
    private int size;
    private long bits;
    private int count;

    private RunLengthDeflate(int expected) {
        this.out = new byte[expected];
    }

    /** Distance codes' base distances and extra bits (RFC 1951 §3.2.5). */
    private static final int[] DISTANCE_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
    };

    private static final int[] DISTANCE_EXTRA = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
        13, 13
    };

    /** The largest distance deflate can say. */
    static final int MAX_DISTANCE = 32_768;

    /** {@code data} as a zlib stream. */
    static byte[] compress(byte[] data) {
        return compress(data, 0);
    }

    /**
     * {@code data} as a zlib stream, which also says a stretch equal to the bytes {@code row}
     * before it (an image's row above; 0 for none, at most {@link #MAX_DISTANCE}) as a match.
     */
    static byte[] compress(byte[] data, int row) {
        if (row < 0 || row > MAX_DISTANCE) {
            throw new IllegalArgumentException("a distance deflate cannot say: " + row);
        }
        RunLengthDeflate deflate = new RunLengthDeflate(Math.max(64, data.length / 32));
        deflate.put(0x78); // deflate, 32 KB window
        deflate.put(0x01); // no dictionary, fastest; 0x7801 is a multiple of 31
        deflate.block(data, row);
        Adler32 adler = new Adler32();
        adler.update(data);
        long sum = adler.getValue();
        deflate.put((int) (sum >>> 24));
        deflate.put((int) (sum >>> 16));
        deflate.put((int) (sum >>> 8));
        deflate.put((int) sum);
        return java.util.Arrays.copyOf(deflate.out, deflate.size);
    }

    private void block(byte[] data, int row) {
        write(1, 1); // the final block
        write(1, 2); // fixed Huffman codes
        int i = 0;
        while (i < data.length) {
            byte b = data[i];
            int run = b == 0 ? zeros(data, i) : 1;
            while (i + run < data.length && data[i + run] == b) {
                run++;
            }
            if (row > 0 && i >= row && run < MAX_MATCH) {
                // Anti-aliased text: a stretch of a row often repeats the row above.
                int same = sameAsBefore(data, i, row);
                if (same >= 3 && same > run) {
                    match(same, row);
                    i += same;
                    continue;
                }
            }
            symbol(b & 0xff);
            // The rest repeat the byte just written: matches at distance 1, each of at least 3
            // bytes (12 bits, where 3 literals take 24 or more).
            int left = run - 1;
            while (left >= 3) {
                int length = Math.min(left, MAX_MATCH);
                if (left - length > 0 && left - length < 3) {
                    length = left - 3; // leave a last match of at least 3
                }
                match(length, 1);
                left -= length;
            }
            for (; left > 0; left--) {
                symbol(b & 0xff);
            }
            i += run;
        }
        symbol(256); // end of block
        if (count > 0) {
            put((int) bits);
        }
    }

    private static final byte[] ZEROS = new byte[4096];

    /**
     * How many zeros start at {@code from}: compared a block at a time (the JDK compares arrays
     * many bytes per instruction), since a card's rows are mostly long runs of them.
     */
    private static int zeros(byte[] data, int from) {
        int at = from;
        while (at < data.length) {
            int block = Math.min(ZEROS.length, data.length - at);
            int differs = java.util.Arrays.mismatch(data, at, at + block, ZEROS, 0, block);
            if (differs >= 0) {
                return at + differs - from;
            }
            at += block;
        }
        return at - from;
    }

    /**
     * How many bytes from {@code at} (up to a match's most) equal those {@code distance} before.
     */
    private static int sameAsBefore(byte[] data, int at, int distance) {
        int most = Math.min(MAX_MATCH, data.length - at);
        int differs =
                java.util.Arrays.mismatch(
                        data, at, at + most, data, at - distance, at - distance + most);
        return differs < 0 ? most : differs;
    }

    /** A match of {@code length} (3 to 258) bytes at {@code distance} (1 to 32,768). */
    private void match(int length, int distance) {
        symbol(LENGTH_SYMBOL[length]);
        write(LENGTH_EXTRA_VALUE[length], LENGTH_EXTRA_BITS[length]);
        int code = DISTANCE_BASE.length - 1;
        while (DISTANCE_BASE[code] > distance) {
            code--;
        }
        write(
                Integer.reverse(code) >>> (32 - 5),
                5); // a fixed five-bit code, most significant first
        write(distance - DISTANCE_BASE[code], DISTANCE_EXTRA[code]);
    }

    /** A literal/length symbol in the fixed code (RFC 1951 §3.2.6). */
    private void symbol(int symbol) {
        write(CODE[symbol], CODE_LENGTH[symbol]);
    }

    /** {@code length} bits of {@code value}, least significant first (deflate's bit order). */
    private void write(int value, int length) {
        bits |= (long) value << count;
        count += length;
        while (count >= 8) {
            put((int) bits);
            bits >>>= 8;
            count -= 8;
        }
    }

    private void put(int b) {
        if (size == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) b;
    }
}
