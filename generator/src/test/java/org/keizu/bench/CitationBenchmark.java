package org.keizu.bench;

import java.util.Arrays;
import org.keizu.render.CitationFormats;
import org.keizu.render.CitationItem;

/**
 * A benchmark, not a test: how long APA and Chicago take per record's citation, set plainly (what a
 * build does for a record's page) and by citeproc-java walking the styles (what it did before, and
 * still does for an item that is not plain), on one thread, warm. Prints medians over several runs
 * of 2,000 distinct items each, and their ratio. Run with:
 *
 * <pre>
 *   CP=generator/target/test-classes:generator/target/classes:$(cat generator/target/bench-classpath.txt)
 *   java -cp "$CP" org.keizu.bench.CitationBenchmark
 * </pre>
 */
public final class CitationBenchmark {
    private static final int ITEMS = 2000;
    private static final int RUNS = 7;

    public static void main(String[] args) {
        double[] plain = new double[RUNS];
        double[] citeproc = new double[RUNS];
        // A warm-up of each way, then the runs alternate so that a slower stretch of a shared
        // machine falls on both.
        run(false, -1);
        run(true, -2);
        for (int r = 0; r < RUNS; r++) {
            plain[r] = run(false, r);
            citeproc[r] = run(true, r + RUNS);
        }
        double p = median(plain);
        double c = median(citeproc);
        System.out.printf(
                "Every format of one citation, median of %d runs of %d items: APA and Chicago set"
                        + " plainly %.1f µs, by citeproc %.1f µs (%.1f×)%n",
                RUNS, ITEMS, p, c, c / p);
    }

    /** Microseconds per item, each item distinct (the formats remember items they have set). */
    private static double run(boolean viaCiteproc, int round) {
        // An odd title (a quotation mark) is never plain, so it goes to citeproc.
        String mark = viaCiteproc ? "“" : "";
        CitationFormats formats = new CitationFormats("[accessed: date]");
        long start = System.nanoTime();
        int length = 0;
        for (int i = 0; i < ITEMS; i++) {
            CitationItem item =
                    new CitationItem(
                            "keizu-m-" + round + "-" + i,
                            "dataset",
                            mark
                                    + "Synthetic model "
                                    + round
                                    + "-"
                                    + i
                                    + ": claimed and detected"
                                    + " lineage",
                            "Keizu contributors",
                            "Keizu",
                            "https://keizu.example/models/m-" + round + "-" + i + "/v3/",
                            "2026-11-30",
                            "3");
            length += formats.all(item).size();
        }
        long elapsed = System.nanoTime() - start;
        if (length != ITEMS * CitationFormats.Format.values().length) {
            throw new IllegalStateException("formats missing: " + length);
        }
        return elapsed / 1000.0 / ITEMS;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
