package org.keizu.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Cuts text into the words a search index holds, exactly as the search page's script ({@code
 * templates/assets/search.js}) cuts a reader's query: the text is normalised (NFKC, so full-width
 * ＡＩ is AI and half-width ｶﾀｶﾅ is カタカナ) and lower-cased, then split into runs of letters, digits
 * and marks. A run in Chinese, Japanese or Korean script, which has no spaces between words to cut
 * at, gives each character and each pair of neighbouring characters (楽天グループ: 楽, 天, グ, ル, ー, プ, 楽天,
 * 天グ, グル, ルー, ープ); any other run is one word. A query matches a page that holds every pair of its
 * own (or its character, when it is one): that finds a name written in those scripts without a
 * dictionary of their words, in every language the site is in.
 *
 * <p>Both sides must agree on every rule here; the browser tests search in each script.
 */
public final class SearchTokens {
    /**
     * Longer runs are cut to this many characters: no reader types them, and they bloat the index.
     */
    static final int LONGEST = 64;

    private SearchTokens() {}

    /** Every word of {@code text} the index keeps, in order, repeats included. */
    public static void forEach(String text, Consumer<String> words) {
        forEachRange(text, (normal, start, end) -> words.accept(normal.substring(start, end)));
    }

    /** Where a word lies: characters {@code start} to {@code end} of the normalised text. */
    interface Ranges {
        void accept(String normal, int start, int end);
    }

    /**
     * As {@link #forEach}, each word given as where it lies in the text as normalised, without a
     * string of its own: the index counts a page's words, most of them repeats, without making one
     * for each.
     */
    static void forEachRange(String text, Ranges words) {
        String normal =
                (ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC))
                        .toLowerCase(Locale.ROOT);
        int length = normal.length();
        int i = 0;
        while (i < length) {
            int cp = normal.codePointAt(i);
            if (!isWordPart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            boolean cjk = isCjk(cp);
            int start = i;
            int cut = -1;
            int count = 0;
            int previous = -1;
            while (i < length) {
                int c = normal.codePointAt(i);
                if (!isWordPart(c) || isCjk(c) != cjk) {
                    break;
                }
                int next = i + Character.charCount(c);
                if (cjk) {
                    words.accept(normal, i, next);
                    if (previous >= 0) {
                        words.accept(normal, previous, next);
                    }
                    previous = i;
                } else if (++count == LONGEST) {
                    cut = next;
                }
                i = next;
            }
            if (!cjk) {
                words.accept(normal, start, cut < 0 ? i : cut);
            }
        }
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The words of {@code text}, as a list. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        forEach(text, words::add);
        return words;
    }

    /**
     * The part of a word that names the file it is kept in: its first character in the CJK scripts,
     * else its first {@value #KEY_LENGTH} (or all, for a shorter word). Words that begin with the
     * same {@value #KEY_LENGTH} characters have the same key, so the script finds every word a
     * query of {@value #KEY_LENGTH} characters or more begins in one file.
     */
    static String key(String word) {
        int first = word.codePointAt(0);
        if (isCjk(first)) {
            return word.substring(0, Character.charCount(first));
        }
        int end = 0;
        for (int n = 0; n < KEY_LENGTH && end < word.length(); n++) {
            end += Character.charCount(word.codePointAt(end));
        }
        return word.substring(0, end);
    }

    /**
     * Characters of a word's key outside the CJK scripts; also the shortest query word matched as
     * the start of longer words (a shorter one is matched whole). Three spread the words over the
     * files far more evenly than two ("co", "re", "th" begin a large part of English).
     */
    static final int KEY_LENGTH = 3;

    /**
     * Which of {@code buckets} files (a power of two) holds the words of {@code key}: FNV-1a over
     * its UTF-16 code units, as the script computes it with {@code Math.imul}.
     */
    static int bucket(String key, int buckets) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x01000193;
        }
        return hash & (buckets - 1);
    }

    /** A letter, a decimal digit or a mark: JavaScript's {@code [\p{L}\p{Nd}\p{M}]}. */
    static boolean isWordPart(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK ->
                    true;
            default -> false;
        };
    }

    /**
     * Han, Hiragana, Katakana or Hangul, and the prolonged sound mark ー, which Unicode counts as
     * common to all scripts but which only ever lengthens a kana.
     */
    static boolean isCjk(int cp) {
        if (cp < 0x1100) {
            return false; // below Hangul Jamo, the first of the four scripts
        }
        if (cp == 0x30FC) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}
