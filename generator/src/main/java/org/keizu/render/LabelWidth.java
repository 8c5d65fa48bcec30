package org.keizu.render;

/**
 * A conservative estimate of how wide a line of text is drawn, so that a tree's boxes are sized to
 * their labels and nothing is ever clipped. The site uses the reader's system fonts, whose metrics
 * differ by machine, so the build cannot measure them (and must not, to stay deterministic);
 * instead each character counts at the width of a wide glyph of its class. The browser test {@code
 * FamilyTreeIT} checks the estimate against real text in Chromium.
 */
final class LabelWidth {
    private LabelWidth() {}

    /** The width in pixels of {@code text} at {@code fontSize} pixels. */
    static int of(String text, int fontSize) {
        double ems = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            ems += ems(cp);
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(ems * fontSize);
    }

    private static double ems(int cp) {
        if (isWide(cp)) {
            return 1.0; // CJK ideographs, kana, Hangul and full-width forms fill the em square
        }
        if (cp == ' ') {
            return 0.3;
        }
        if ("ijlt.,:;'!|()[]".indexOf(cp) >= 0) {
            return 0.4;
        }
        if (cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W' || cp == '@' || cp == '—') {
            return 0.95;
        }
        if (Character.isUpperCase(cp)) {
            return 0.75;
        }
        return 0.64;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
