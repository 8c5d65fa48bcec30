package org.keizu.site;

import java.util.List;
import java.util.zip.Adler32;

/**
 * A zlib stream (RFC 1950) of one deflate block with the fixed Huffman codes (RFC 1951 §3.2.6), in
 * which every run of a repeated byte is a match at distance 1 and every other byte a literal: what
 * zlib calls its RLE strategy, which java.util.zip does not offer.
 *
 * <p>Why: a share card's filtered rows are 98 % zeros (flat paper, and rows equal to the one
 * above), and {@code Deflater} at its fastest level spent 3.4 ms of a card's 5.2 ms hashing them
 * for matches that are all at distance 1; at 10,000 models that was a quarter of the site's build.
 * This makes one pass over the bytes. The stream is larger than zlib's (its only matches are at
 * distance 1 and the row above), which only the share images' size feels.
 *
 * <p>A stream may be joined from {@link Segment}s deflated apart: the rows a card shares with every
 * other card of its verdict are deflated once.
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
        return join(List.of(segment(data, 0, data.length, row)));
    }

    /**
     * A stretch of data deflated on its own, its matches reaching no byte before it, so that it can
     * be deflated once and joined ({@link #join}) after any other: a block with the fixed Huffman
     * codes, then an empty stored block that ends it on a byte boundary (what zlib's sync flush
     * writes), so that segments join by copying their bytes. With it go the Adler-32 and length of
     * the data, from which the whole stream's checksum is made.
     */
    record Segment(byte[] bytes, long adler, int length) {}

    /**
     * {@code data[from, to)} deflated as a {@link Segment}; {@code row} as in {@link #compress}.
     */
    static Segment segment(byte[] data, int from, int to, int row) {
        if (row < 0 || row > MAX_DISTANCE) {
            throw new IllegalArgumentException("a distance deflate cannot say: " + row);
        }
        java.util.Objects.checkFromToIndex(from, to, data.length);
        RunLengthDeflate deflate = new RunLengthDeflate(Math.max(64, (to - from) / 32));
        deflate.write(0, 1); // not the final block
        deflate.write(1, 2); // fixed Huffman codes
        deflate.encode(data, from, to, row);
        deflate.symbol(256); // end of block
        deflate.write(0, 3); // a stored block, not the final one
        deflate.flush(); // its length starts on a byte boundary
        deflate.put(0x00); // no bytes (LEN 0, little-endian)
        deflate.put(0x00);
        deflate.put(0xff); // NLEN, LEN's complement
        deflate.put(0xff);
        Adler32 adler = new Adler32();
        adler.update(data, from, to - from);
        return new Segment(
                java.util.Arrays.copyOf(deflate.out, deflate.size), adler.getValue(), to - from);
    }

    /**
     * The zlib stream (RFC 1950) of the segments' data one after the other: their blocks, a final
     * empty block, then the checksum of the whole, combined from theirs.
     */
    static byte[] join(List<Segment> segments) {
        int size = 2 + 2 + 4;
        for (Segment segment : segments) {
            size += segment.bytes().length;
        }
        byte[] out = new byte[size];
        out[0] = 0x78; // deflate, 32 KB window
        out[1] = 0x01; // no dictionary, fastest; 0x7801 is a multiple of 31
        int at = 2;
        long sum = 1; // the Adler-32 of no bytes
        for (Segment segment : segments) {
            System.arraycopy(segment.bytes(), 0, out, at, segment.bytes().length);
            at += segment.bytes().length;
            sum = combine(sum, segment.adler(), segment.length());
        }
        out[at++] = 0x03; // the final block, fixed codes, holding only its end (symbol 256)
        out[at++] = 0x00;
        out[at++] = (byte) (sum >>> 24);
        out[at++] = (byte) (sum >>> 16);
        out[at++] = (byte) (sum >>> 8);
        out[at] = (byte) sum;
        return out;
    }

    /** Adler-32's modulus. */
    private static final int BASE = 65_521;

    /**
     * The Adler-32 of two stretches of bytes one after the other, from the first's, the second's
     * and the second's length: zlib's {@code adler32_combine}.
     */
    static long combine(long first, long second, long secondLength) {
        long remainder = secondLength % BASE;
        long sum1 = first & 0xffff;
        long sum2 = (remainder * sum1) % BASE;
        sum1 += (second & 0xffff) + BASE - 1;
        sum2 += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + BASE - remainder;
        if (sum1 >= BASE) {
            sum1 -= BASE;
        }
        if (sum1 >= BASE) {
            sum1 -= BASE;
        }
        if (sum2 >= 2L * BASE) {
            sum2 -= 2L * BASE;
        }
        if (sum2 >= BASE) {
            sum2 -= BASE;
        }
        return sum1 | (sum2 << 16);
    }

    /** Writes out the bits gathered, the last byte padded with zeros. */
    private void flush() {
        for (; count > 0; count -= 8) {
            put((int) bits);
            bits >>>= 8;
        }
        count = 0;
        bits = 0;
    }

    /**
     * Deflates {@code data[from, to)}: every run of a repeated byte as a literal and matches at
     * distance 1, and, when {@code row} is not 0, a stretch equal to the bytes {@code row} before
     * it as a match; no match reaches before {@code from} or past {@code to}.
     */
    private void encode(byte[] data, int from, int to, int row) {
        int i = from;
        while (i < to) {
            byte b = data[i];
            int run = b == 0 ? zeros(data, i, to) : 1;
            while (i + run < to && data[i + run] == b) {
                run++;
            }
            // Anti-aliased text: a stretch of a row often repeats the row above. Where its first
            // byte does not, as at most of a text row's bytes, it is not compared further.
            if (row > 0 && i - row >= from && run < MAX_MATCH && data[i - row] == b) {
                int same = sameAsBefore(data, i, to, row);
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
    }

    private static final byte[] ZEROS = new byte[4096];

    /**
     * How many zeros start at {@code from}, before {@code to}: compared a block at a time (the JDK
     * compares arrays many bytes per instruction), since a card's rows are mostly long runs of
     * them.
     */
    private static int zeros(byte[] data, int from, int to) {
        int at = from;
        while (at < to) {
            int block = Math.min(ZEROS.length, to - at);
            int differs = java.util.Arrays.mismatch(data, at, at + block, ZEROS, 0, block);
            if (differs >= 0) {
                return at + differs - from;
            }
            at += block;
        }
        return at - from;
    }

    /**
     * How many bytes from {@code at} (up to a match's most, and before {@code to}) equal those
     * {@code distance} before.
     */
    private static int sameAsBefore(byte[] data, int at, int to, int distance) {
        int most = Math.min(MAX_MATCH, to - at);
        int differs =
                java.util.Arrays.mismatch(
                        data, at, at + most, data, at - distance, at - distance + most);
        return differs < 0 ? most : differs;
    }

    /** A match of {@code length} (3 to 258) bytes at {@code distance} (1 to 32,768). */
    private void match(int length, int distance) {
        symbol(LENGTH_SYMBOL[length]);
        write(LENGTH_EXTRA_VALUE[length], LENGTH_EXTRA_BITS[length]);
        // Nearly every match is at distance 1 (code 0): no search for its code, which, done for
        // every match, took a quarter of a card's time.
        int code = distance == 1 ? 0 : distanceCode(distance);
        write(
                Integer.reverse(code) >>> (32 - 5),
                5); // a fixed five-bit code, most significant first
        write(distance - DISTANCE_BASE[code], DISTANCE_EXTRA[code]);
    }

    /** The distance code (0 to 29) whose range holds {@code distance}. */
    private static int distanceCode(int distance) {
        int code = DISTANCE_BASE.length - 1;
        while (DISTANCE_BASE[code] > distance) {
            code--;
        }
        return code;
    }

    /** A literal/length symbol in the fixed code (RFC 1951 §3.2.6). */
    private void symbol(int symbol) {
        write(CODE[symbol], CODE_LENGTH[symbol]);
    }

    /**
     * {@code length} bits (at most 16) of {@code value}, least significant first (deflate's bit
     * order). The bits gather in a long and go out four bytes at a time: a card's text rows are
     * tens of thousands of literals, and a byte at a time was most of the encoder's time.
     */
    private void write(int value, int length) {
        bits |= (long) value << count;
        count += length;
        if (count >= 32) {
            if (size + 4 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[size] = (byte) bits;
            out[size + 1] = (byte) (bits >>> 8);
            out[size + 2] = (byte) (bits >>> 16);
            out[size + 3] = (byte) (bits >>> 24);
            size += 4;
            bits >>>= 32;
            count -= 32;
        }
    }

    private void put(int b) {
        if (size == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) b;
    }
}
