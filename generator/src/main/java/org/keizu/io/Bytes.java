package org.keizu.io;

/** Searches in raw bytes, where decoding a whole file first would cost more than the answer. */
public final class Bytes {
    private Bytes() {}

    /** Whether {@code sought} occurs anywhere in {@code bytes}. */
    public static boolean contains(byte[] bytes, byte[] sought) {
        return new Word(sought).in(bytes);
    }

    /**
     * A word to seek in many arrays, with its table made once. Horspool's search: where the byte
     * under the end of the window cannot end a match, the window moves by as much as the word's
     * length, so a word of eight letters is tested at about one place in seven rather than at every
     * byte (keizu detect runs this over every record of the registry).
     */
    public static final class Word {
        private final byte[] sought;

        /** For each byte, how far the window moves when it is under the window's end. */
        private final int[] shift = new int[256];

        public Word(byte[] sought) {
            this.sought = sought.clone();
            int length = sought.length;
            java.util.Arrays.fill(shift, length);
            for (int j = 0; j < length - 1; j++) {
                shift[sought[j] & 0xFF] = length - 1 - j;
            }
        }

        /** Whether the word occurs anywhere in {@code bytes}. */
        public boolean in(byte[] bytes) {
            int length = sought.length;
            if (length == 0) {
                return true;
            }
            int last = length - 1;
            for (int i = 0; i + length <= bytes.length; i += shift[bytes[i + last] & 0xFF]) {
                int j = last;
                while (j >= 0 && bytes[i + j] == sought[j]) {
                    j--;
                }
                if (j < 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
