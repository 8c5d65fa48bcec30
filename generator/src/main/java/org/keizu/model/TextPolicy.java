package org.keizu.model;

/**
 * The one rule for characters a reader cannot see, shared by record fields and prose pages:
 * controls (line breaks and tabs only in prose), bidi overrides and other format characters
 * (joiners only in prose, where they shape Indic and emoji text), line and paragraph separators,
 * private-use, unassigned and surrogate code points, and the Hangul fillers that render as blanks.
 */
public final class TextPolicy {
    private TextPolicy() {}

    /** True when {@code cp} may not be published in text of this kind. */
    public static boolean hidden(int cp, boolean prose) {
        int type = Character.getType(cp);
        boolean allowedBreak = prose && (cp == '\n' || cp == '\t');
        boolean allowedJoiner = prose && (cp == 0x200C || cp == 0x200D);
        return (type == Character.CONTROL && !allowedBreak)
                || (type == Character.FORMAT && !allowedJoiner)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || cp == 0x3164
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0xFFA0;
    }
}
