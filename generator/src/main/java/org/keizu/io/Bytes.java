package org.keizu.io;

/** Searches in raw bytes, where decoding a whole file first would cost more than the answer. */
public final class Bytes {
    private Bytes() {}

    /** Whether {@code sought} occurs anywhere in {@code bytes}. */
    public static boolean contains(byte[] bytes, byte[] sought) {
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
