package org.keizu.bench;

import java.util.Arrays;
import org.keizu.render.MachineMetadata;
import org.keizu.site.ShareImage;

/**
 * A benchmark, not a test: how long one share card (drawn and encoded as PNG) takes on one thread,
 * warm. Prints the median of several rounds of 4,000 distinct cards each, in milliseconds a card.
 * Run the same on two checkouts to compare them:
 *
 * <pre>
 *   CP=generator/target/test-classes:generator/target/classes:$(cat generator/target/bench-classpath.txt)
 *   java -XX:+UseSerialGC -cp "$CP" org.keizu.bench.ShareCardBenchmark
 * </pre>
 */
public final class ShareCardBenchmark {
    private static final int CARDS = 4000;
    private static final int ROUNDS = 7;

    private static final String[] NAMES = {
        "ABEJA Qwen2.5 32B Japanese",
        "A.X 4.0",
        "Rakuten AI 3.0",
        "Sovereign Model Ω",
        "Falcon-H1 34B Instruct",
        "HyperCLOVA X SEED Think 14B",
        "Sarvam-M",
        "Llama-3.1-Swallow-70B-Instruct-v0.3"
    };
    private static final String[] BASES = {
        "Evidence points to: Qwen2.5 72B",
        "Evidence points to: DeepSeek-V3",
        "Evidence points to: Llama 3.1 70B",
        null
    };
    private static final String[][] VERDICTS = {
        {"consistent", "Consistent"}, {"claim-refuted", "Claim refuted"}, {"contested", "Contested"}
    };

    public static void main(String[] args) {
        round(); // warm-up
        double[] perCard = new double[ROUNDS];
        long bytes = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            bytes += round();
            perCard[r] = (System.nanoTime() - start) / 1e6 / CARDS;
        }
        Arrays.sort(perCard);
        System.out.printf(
                "share card, drawn and encoded: median %.3f ms (min %.3f, max %.3f) over %d rounds"
                        + " of %d cards; %d bytes a card%n",
                perCard[ROUNDS / 2],
                perCard[0],
                perCard[ROUNDS - 1],
                ROUNDS,
                CARDS,
                bytes / ((long) ROUNDS * CARDS));
    }

    private static long round() {
        long bytes = 0;
        for (int i = 0; i < CARDS; i++) {
            String[] verdict = VERDICTS[i % VERDICTS.length];
            MachineMetadata.ShareCard card =
                    new MachineMetadata.ShareCard(
                            verdict[0],
                            verdict[1],
                            NAMES[i % NAMES.length] + " " + i,
                            BASES[i % BASES.length],
                            "alt");
            bytes += ShareImage.model(card, "Keizu").length;
        }
        return bytes;
    }
}
