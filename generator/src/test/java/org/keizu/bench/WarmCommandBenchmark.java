package org.keizu.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import org.keizu.cli.Main;

/**
 * A benchmark, not a test: one command run again and again in the same JVM, its output discarded,
 * each run's wall time printed, then the median of the last half. The first run is what a
 * contributor waits for (with the JVM's own start on top, which this leaves out); the last ones are
 * the command's work once its classes are loaded and its code compiled: what is left when the JVM
 * costs nothing. Run it in the registry's folder:
 *
 * <pre>
 *   CP=generator/target/test-classes:generator/target/classes:$(cat generator/target/bench-classpath.txt)
 *   java -XX:+UseParallelGC -cp "$CP" org.keizu.bench.WarmCommandBenchmark RUNS validate
 *   java -XX:+UseParallelGC -cp "$CP" org.keizu.bench.WarmCommandBenchmark RUNS detect CONFIG
 * </pre>
 */
public final class WarmCommandBenchmark {
    private WarmCommandBenchmark() {}

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            int code = Main.run(command, discard, discard);
            millis[run] = (System.nanoTime() - start) / 1e6;
            System.out.printf("run %d: %.0f ms (exit %d)%n", run + 1, millis[run], code);
        }
        double[] warm = Arrays.copyOfRange(millis, runs / 2, runs);
        Arrays.sort(warm);
        System.out.printf(
                "%s: first run %.0f ms; runs %d to %d, median %.0f ms%n",
                String.join(" ", command), millis[0], runs / 2 + 1, runs, warm[warm.length / 2]);
    }
}
