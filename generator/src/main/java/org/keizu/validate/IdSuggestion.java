package org.keizu.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Did you mean": the existing record an unknown id most likely means. Contributors write a model
 * the way they saw it (its hub repository {@code meta-llama/Llama-3.1-8B}, its name "Llama 3.1 8B",
 * or its id with a typo), so an id is matched, in order, ignoring case, by its other names, then by
 * edit distance. Every suggestion is an existing record's id, so it is itself valid.
 */
public final class IdSuggestion {
    /** An existing record: its id and the other names it is known by (hub repository, name). */
    public record Known(String id, List<String> otherNames) {
        public Known {
            otherNames = List.copyOf(otherNames);
        }
    }

    private IdSuggestion() {}

    /** The ids an unknown one most likely means (at most two, closest first), if any is close. */
    public static List<String> closest(String wanted, List<Known> known) {
        String key = normalise(wanted);
        for (Known k : known) {
            if (normalise(k.id()).equals(key)) {
                return List.of(k.id());
            }
        }
        TreeSet<String> byName = new TreeSet<>();
        for (Known k : known) {
            for (String other : k.otherNames()) {
                String name = normalise(other);
                if (name.equals(key) || lastSegment(name).equals(key)) {
                    byName.add(k.id());
                }
            }
        }
        if (!byName.isEmpty()) {
            return byName.stream().limit(2).toList();
        }
        // A typo is a small share of the word: one edit in a short id, two in a longer one.
        int limit = key.length() <= 5 ? 1 : 2;
        int best = limit + 1;
        List<String> nearest = new ArrayList<>();
        for (Known k : known) {
            int distance = distance(key, normalise(k.id()), limit);
            if (distance > limit) {
                continue;
            }
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            if (distance == best) {
                nearest.add(k.id());
            }
        }
        return nearest.stream().sorted().limit(2).toList();
    }

    /** ", did you mean "x"?" or ", did you mean "x" or "y"?", or empty. */
    public static Optional<String> phrase(List<String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("did you mean \"" + String.join("\" or \"", ids) + "\"?");
    }

    /** Lower case, with spaces and underscores as hyphens: how ids are written. */
    static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    private static String lastSegment(String repo) {
        return repo.substring(repo.lastIndexOf('/') + 1);
    }

    /**
     * Optimal string alignment distance (insertions, deletions, substitutions and swaps of two
     * neighbours), or {@code limit + 1} as soon as it must exceed the limit.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
