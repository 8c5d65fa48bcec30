package org.keizu.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.keizu.diagnostic.FindingFormat;

/**
 * What a change does to verdicts: the models a new registry adds and removes, and each model whose
 * verdict or detected grade differs, from what to what. {@link #markdown} writes it as
 * GitHub-flavoured Markdown for a pull request's summary; every name and value taken from the files
 * is escaped, so that a record cannot write links, HTML or table cells of its own there.
 *
 * <pre>
 *   String summary = VerdictChanges.of(before, after).markdown();
 * </pre>
 */
public record VerdictChanges(
        RegistrySummary before,
        RegistrySummary after,
        List<RegistrySummary.Entry> added,
        List<RegistrySummary.Entry> removed,
        List<Change> changed) {
    /** At most this many rows per table: a step summary holds 1 MiB. */
    public static final int MAX_ROWS = 500;

    /** The longest name printed; longer names are cut with an ellipsis. */
    static final int MAX_NAME = 120;

    public static final String NO_CHANGES = "No verdict or grade changes.";

    /** One model in both registries whose verdict or grade differs. */
    public record Change(RegistrySummary.Entry before, RegistrySummary.Entry after) {}

    public VerdictChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** Compares the registry {@code before} a change with the one {@code after} it, by id. */
    public static VerdictChanges of(RegistrySummary before, RegistrySummary after) {
        List<RegistrySummary.Entry> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (RegistrySummary.Entry now : after.models().values()) {
            RegistrySummary.Entry then = before.models().get(now.id());
            if (then == null) {
                added.add(now);
            } else if (!Objects.equals(then.verdict(), now.verdict())
                    || !Objects.equals(then.grade(), now.grade())) {
                changed.add(new Change(then, now));
            }
        }
        List<RegistrySummary.Entry> removed =
                before.models().values().stream()
                        .filter(then -> !after.models().containsKey(then.id()))
                        .toList();
        return new VerdictChanges(before, after, added, removed, changed);
    }

    /** True when no model was added or removed and no verdict or grade changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The summary as GitHub-flavoured Markdown, ending in a newline. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## What this change does to verdicts\n\n");
        out.append("Models: ")
                .append(before.models().size())
                .append(" before, ")
                .append(after.models().size())
                .append(" after.\n\n");
        if (!added.isEmpty()) {
            out.append("### Added (").append(added.size()).append(")\n\n");
            out.append("| Model | Verdict | Grade |\n|---|---|---|\n");
            rows(out, added, e -> cell(e) + " | " + value(e.verdict()) + " | " + value(e.grade()));
        }
        if (!removed.isEmpty()) {
            out.append("### Removed (").append(removed.size()).append(")\n\n");
            out.append("| Model | Verdict | Grade |\n|---|---|---|\n");
            rows(
                    out,
                    removed,
                    e -> cell(e) + " | " + value(e.verdict()) + " | " + value(e.grade()));
        }
        if (changed.isEmpty()) {
            out.append(NO_CHANGES).append("\n");
        } else {
            out.append("### Verdict or grade changed (").append(changed.size()).append(")\n\n");
            out.append("| Model | Verdict | Grade |\n|---|---|---|\n");
            rows(
                    out,
                    changed,
                    c ->
                            cell(c.after())
                                    + " | "
                                    + fromTo(c.before().verdict(), c.after().verdict())
                                    + " | "
                                    + fromTo(c.before().grade(), c.after().grade()));
        }
        return out.toString();
    }

    private static <T> void rows(
            StringBuilder out, List<T> items, java.util.function.Function<T, String> row) {
        items.stream()
                .limit(MAX_ROWS)
                .forEach(item -> out.append("| ").append(row.apply(item)).append(" |\n"));
        if (items.size() > MAX_ROWS) {
            out.append("\n… and ").append(items.size() - MAX_ROWS).append(" more.\n");
        }
        out.append("\n");
    }

    private static String fromTo(String then, String now) {
        return Objects.equals(then, now) ? value(now) : value(then) + " → " + value(now);
    }

    /** A model's name and id, escaped. */
    private static String cell(RegistrySummary.Entry e) {
        return escape(cut(e.name())) + " (" + escape(cut(e.id())) + ")";
    }

    /** A verdict or grade, escaped; a missing one is a dash. */
    private static String value(String v) {
        return v == null ? "—" : escape(cut(v));
    }

    /** At most {@link #MAX_NAME} code points, never splitting a character. */
    static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_NAME) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_NAME)) + "…";
    }

    /**
     * Text that reads as itself in GitHub-flavoured Markdown, on one line and inside a table cell:
     * controls and invisible characters shown as {@code \\uXXXX}, every ASCII punctuation mark
     * backslash-escaped (so no emphasis, link, code span, heading or cell break), and {@code <},
     * {@code >}, {@code &} written as entities (so no HTML).
     */
    static String escape(String text) {
        String visible = FindingFormat.printable(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (c < 128 && isAsciiPunctuation(c)) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/')
                || (c >= ':' && c <= '@')
                || (c >= '[' && c <= '`')
                || (c >= '{' && c <= '~');
    }
}
