package org.keizu.render;

import de.undercouch.citeproc.helper.StringHelper;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * APA and Chicago for the items Keizu cites, set without walking the styles: a record's page as a
 * CSL {@code dataset} with a literal author, a title, a publisher, an address, a day and perhaps a
 * version number. citeproc-java walks the whole APA or Chicago style for every item, milliseconds
 * each: with two styles and three languages per model that was a fifth of a 10,000-record build.
 *
 * <p>Only a <em>plain</em> item ({@link #plain}) is set here: its strings hold letters, digits,
 * spaces and a few marks the styles copy as they are, and nothing the styles rework (quotation
 * marks, a closing punctuation mark next to the style's own, doubled or outer spaces). Anything
 * else goes to citeproc ({@link CitationFormats}). Chicago's title case is citeproc's own function.
 * The test compares both ways on every record of the registry in every language and on thousands of
 * generated items, so a change of the styles or of citeproc that this text misses fails it.
 */
final class PlainDatasetCitations {
    private PlainDatasetCitations() {}

    /**
     * True when the styles would copy every string of {@code item} as it is, so that {@link #apa}
     * and {@link #chicago} give citeproc's text.
     */
    static boolean plain(CitationItem item) {
        return item.type().equals("dataset")
                && (item.version() == null || VERSION.matcher(item.version()).matches())
                && DAY.matcher(item.issued()).matches()
                && plainText(item.author())
                && plainText(item.title())
                && plainText(item.publisher())
                && URL.matcher(item.url()).matches();
    }

    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,5}");
    private static final Pattern DAY =
            Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");

    /** An address without spaces, quotation marks or a closing full stop. */
    private static final Pattern URL = Pattern.compile("[A-Za-z0-9:/._~%+-]*[A-Za-z0-9/_~-]");

    /**
     * Words of letters and digits, joined by single spaces and the marks both styles pass through
     * unchanged (full stops and colons inside, hyphens, slashes, brackets), ending in a letter,
     * digit or closing bracket.
     */
    private static boolean plainText(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed =
                    Character.isLetterOrDigit(c)
                            || Character.getType(c) == Character.NON_SPACING_MARK
                            || "-./:()+_&：".indexOf(c) >= 0
                            || (c == ' ' && i > 0 && text.charAt(i - 1) != ' ');
            if (!allowed) {
                return false;
            }
            i += Character.charCount(c);
        }
        int last = text.codePointBefore(text.length());
        return Character.isLetterOrDigit(last) || last == ')';
    }

    /** {@code Author. (2026). Title (Version 4) [Dataset]. Publisher. https://...} */
    static String apa(CitationItem item) {
        StringBuilder out = new StringBuilder();
        out.append(item.author()).append(". (").append(item.issued(), 0, 4).append("). ");
        out.append(item.title());
        if (item.version() != null) {
            out.append(" (Version ").append(item.version()).append(')');
        }
        out.append(" [Dataset]. ").append(item.publisher()).append(". ").append(item.url());
        return out.append('\n').toString();
    }

    /**
     * {@code Author. “Title in Title Case.” Version 4. Publisher, November 30, 2026. https://....}
     */
    static String chicago(CitationItem item) {
        StringBuilder out = new StringBuilder();
        out.append(item.author()).append(". “");
        out.append(StringHelper.toTitleCase(item.title())).append(".” ");
        if (item.version() != null) {
            out.append("Version ").append(item.version()).append(". ");
        }
        out.append(item.publisher()).append(", ").append(day(item.issued())).append(". ");
        return out.append(item.url()).append(".\n").toString();
    }

    /** {@code 2026-11-30} as {@code November 30, 2026}. */
    private static String day(String issued) {
        Month month = Month.of(Integer.parseInt(issued.substring(5, 7)));
        return month.getDisplayName(TextStyle.FULL, Locale.US)
                + " "
                + Integer.parseInt(issued.substring(8, 10))
                + ", "
                + issued.substring(0, 4);
    }
}
