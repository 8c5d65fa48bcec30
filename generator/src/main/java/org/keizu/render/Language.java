package org.keizu.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keizu.model.PartialDate;

/**
 * The languages the site is published in: English at the site's root, each translation in a folder
 * of its own ({@code /ja/}, {@code /ko/}) with its message bundle ({@code
 * templates/messages_<code>.properties}). Only the pages readers read are repeated per language;
 * assets, open data, feeds, share images, citation files and the pages of past versions are the
 * English site's, shared by all.
 */
public enum Language {
    EN("en", Locale.ENGLISH, "", "", ""),
    JA("ja", Locale.JAPANESE, "y年", "y年M月", "y年M月d日"),
    KO("ko", Locale.KOREAN, "y년", "y년 M월", "y년 M월 d일");

    private final String code;
    private final Locale locale;
    private final DateTimeFormatter year;
    private final DateTimeFormatter month;
    private final DateTimeFormatter day;

    Language(String code, Locale locale, String year, String month, String day) {
        this.code = code;
        this.locale = locale;
        this.year = year.isEmpty() ? null : DateTimeFormatter.ofPattern(year, locale);
        this.month = month.isEmpty() ? null : DateTimeFormatter.ofPattern(month, locale);
        this.day =
                day.isEmpty()
                        ? null
                        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    /** The BCP 47 code, as {@code <html lang>} and {@code hreflang} print it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return this == EN;
    }

    /** The folder of the language's pages under the site's root: "" for English, else "ja/". */
    public String folder() {
        return english() ? "" : code + "/";
    }

    /** The message bundle's file name in the templates folder. */
    public String bundleFile() {
        return english() ? "messages.properties" : "messages_" + code + ".properties";
    }

    /** The translations the site may carry, in the order the site lists them. */
    public static List<Language> translations() {
        return List.of(JA, KO);
    }

    /**
     * The language of a path of the site (a file or a page, from the site's root): the translation
     * whose folder holds it, else English.
     */
    public static Language ofSitePath(String path) {
        for (Language language : translations()) {
            if (path.startsWith(language.folder())) {
                return language;
            }
        }
        return EN;
    }

    /** A language by its code, for the records' {@code translations} keys. */
    public static java.util.Optional<Language> byCode(String code) {
        for (Language l : values()) {
            if (l.code.equals(code)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The languages this templates folder publishes: English, and each translation whose bundle is
     * there.
     */
    public static List<Language> available(Path templateDir) {
        List<Language> languages = new ArrayList<>(List.of(EN));
        for (Language l : translations()) {
            if (Files.isRegularFile(templateDir.resolve(l.bundleFile()))) {
                languages.add(l);
            }
        }
        return List.copyOf(languages);
    }

    /**
     * A date of the records ({@code 2025}, {@code 2025-12}, {@code 2025-12-18}) as the language
     * writes it: English keeps the ISO form the site has always printed; Japanese and Korean write
     * 2025年12月18日 and 2025년 12월 18일. Anything that is not such a date is returned as it is.
     */
    public String date(String iso) {
        if (english() || iso == null) {
            return iso;
        }
        return PartialDate.parse(iso)
                .map(
                        d ->
                                d.day() > 0
                                        ? day.format(d.earliest())
                                        : d.month() > 0
                                                ? month.format(d.earliest())
                                                : year.format(d.earliest()))
                .orElse(iso);
    }

    /** A count as the language writes it; English keeps the plain digits it has always printed. */
    public String number(long n) {
        return english() ? Long.toString(n) : NumberFormat.getIntegerInstance(locale).format(n);
    }
}
