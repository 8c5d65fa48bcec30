package org.keizu.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as precise as the sources allow: {@code 2026-03-17}, {@code 2026-03} or {@code 2026}.
 * Comparisons are by period, so that "2026-03" is not before "2026-03-17".
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** Parses strictly: {@code 2024-02-30} and {@code 2026-13} are empty, not rolled over. */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        try {
            if (day > 0) {
                LocalDate.of(year, month, day);
            } else if (month > 0) {
                YearMonth.of(year, month);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(new PartialDate(year, month, day));
    }

    public LocalDate earliest() {
        return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
    }

    public LocalDate latest() {
        if (day > 0) {
            return earliest();
        }
        return month > 0 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, 12, 31);
    }

    /** True when this date cannot be after {@code other}: it may be the same period. */
    public boolean notAfter(PartialDate other) {
        return !earliest().isAfter(other.latest());
    }

    /** True when this date is certainly after {@code other}. */
    public boolean certainlyAfter(PartialDate other) {
        return earliest().isAfter(other.latest());
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = earliest().compareTo(o.earliest());
        return c != 0 ? c : latest().compareTo(o.latest());
    }

    @Override
    public String toString() {
        if (day > 0) {
            return String.format("%04d-%02d-%02d", year, month, day);
        }
        return month > 0 ? String.format("%04d-%02d", year, month) : String.format("%04d", year);
    }
}
