package org.keizu.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.keizu.RegistryBuild;
import org.keizu.load.RecordHistory;
import org.keizu.model.PartialDate;
import org.keizu.render.MachineMetadata;
import org.keizu.site.ShareImages;

/**
 * A benchmark, not a test: how long one model's pages take to render (its evidence page in every
 * language, with its citations and open-data file, but not its share image) on one thread, warm.
 * Prints the median of several rounds over the same models, in milliseconds a model. The registry
 * is checked once; each round renders the models' pages again from the same views. Run the same on
 * two checkouts to compare them, with the JVM settings {@code scripts/keizu build} uses:
 *
 * <pre>
 *   CP=generator/target/test-classes:generator/target/classes:$(cat generator/target/bench-classpath.txt)
 *   java -XX:+UseSerialGC -XX:FreqInlineSize=100 -XX:MaxInlineLevel=9 -XX:InlineSmallCode=1000 \
 *       -cp "$CP" org.keizu.bench.PageRenderBenchmark FOLDER [MODELS]
 * </pre>
 *
 * FOLDER holds {@code data/} and {@code templates/} (a registry made by {@link SyntheticSites},
 * with the templates copied beside it); MODELS (default 1,000) is how many of its models, in id
 * order, each round renders.
 */
public final class PageRenderBenchmark {
    private static final int ROUNDS = 7;

    /** Share images are another benchmark's ({@link ShareCardBenchmark}): none are drawn here. */
    private static final ShareImages NO_IMAGES =
            new ShareImages() {
                @Override
                public byte[] model(MachineMetadata.ShareCard card, String siteName) {
                    return new byte[0];
                }

                @Override
                public byte[] site(String siteName, String tagline) {
                    return new byte[0];
                }
            };

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        RegistryBuild build =
                new RegistryBuild(
                        new RegistryBuild.Options(
                                root.resolve("data"),
                                root.resolve("templates"),
                                root,
                                PartialDate.parse("2026-11-30")));
        RegistryBuild.Checked checked = build.check();
        if (checked.findings().hasErrors()) {
            throw new IllegalStateException("the registry has errors: run keizu validate");
        }
        RegistryBuild.Rendering rendering =
                build.rendering(
                        checked,
                        new RegistryBuild.Output(
                                root.resolve("unused"),
                                "/",
                                "https://example.org",
                                false,
                                "https://github.com/example/keizu"),
                        RecordHistory.read(root.resolve("data")),
                        NO_IMAGES);
        List<String> ids =
                checked.registry().models().stream()
                        .map(model -> model.record().id())
                        .sorted()
                        .limit(count)
                        .toList();
        round(rendering, ids); // warm-up
        double[] perModel = new double[ROUNDS];
        long bytes = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            bytes += round(rendering, ids);
            perModel[r] = (System.nanoTime() - start) / 1e6 / ids.size();
        }
        Arrays.sort(perModel);
        System.out.printf(
                "one model's pages, rendered: median %.3f ms (min %.3f, max %.3f) over %d rounds"
                        + " of %d models; %d bytes a model%n",
                perModel[ROUNDS / 2],
                perModel[0],
                perModel[ROUNDS - 1],
                ROUNDS,
                ids.size(),
                bytes / ((long) ROUNDS * ids.size()));
    }

    private static long round(RegistryBuild.Rendering rendering, List<String> ids)
            throws java.io.IOException {
        long[] bytes = {0};
        for (String id : ids) {
            rendering.model(id, file -> bytes[0] += file.bytes().length);
        }
        return bytes[0];
    }
}
