package org.keizu.model;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The countries a record may name: ISO 3166-1 alpha-2 codes, plus "EU", which the standard reserves
 * exceptionally for the European Union, for models made by EU-funded projects that span member
 * states.
 */
public final class Countries {
    public static final String EUROPEAN_UNION = "EU";
    private static final Set<String> CODES =
            Stream.concat(Stream.of(Locale.getISOCountries()), Stream.of(EUROPEAN_UNION))
                    .collect(Collectors.toUnmodifiableSet());

    private Countries() {}

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }

    /** The English name, e.g. "Japan"; Locale does not know "EU", so the registry names it. */
    public static String name(String code) {
        return code.equals(EUROPEAN_UNION)
                ? "European Union"
                : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
