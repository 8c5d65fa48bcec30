package org.keizu.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keizu.lineage.WeightRule;
import org.keizu.lineage.WeightsComparison;
import org.keizu.model.WeightsFingerprint;
import org.keizu.render.EvidenceViews.PlotLine;
import org.keizu.render.EvidenceViews.PlotPoint;
import org.keizu.render.EvidenceViews.PlotText;
import org.keizu.render.EvidenceViews.TensorRow;
import org.keizu.render.EvidenceViews.WeightsPlot;
import org.keizu.render.EvidenceViews.WeightsView;

/**
 * The evidence page's weights comparison with one base: the finding, a per-layer plot of the
 * correlation (inline SVG, no script), and every tensor pair with the exact bytes read.
 */
final class WeightsEvidence {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;

    private final ViewContext context;
    private final Optional<WeightRule> rule;

    WeightsEvidence(ViewContext context) {
        this.context = context;
        this.rule = context.analysis.weightRule();
    }

    WeightsView view(WeightsComparison w, String baseLabel) {
        String finding = w.finding();
        return new WeightsView(
                finding,
                context.label(WeightRule.LIST, finding),
                context.meaning(WeightRule.LIST, finding),
                context.messages.format(
                        "weights_summary",
                        context.language.number(w.compared()),
                        context.language.number(w.identical()),
                        WeightsComparison.format(w.medianR())),
                context.messages.format(
                        "weights_provenance",
                        w.model().repo(),
                        w.model().revision(),
                        context.date(w.model().retrieved()),
                        w.base().repo(),
                        w.base().revision(),
                        context.date(w.base().retrieved())),
                plot(w, baseLabel),
                w.pairs().stream().map(this::row).toList());
    }

    private TensorRow row(WeightsComparison.Pair p) {
        return new TensorRow(
                p.model().name(),
                p.model().layer() == null ? "" : Integer.toString(p.model().layer()),
                p.identical(),
                WeightsComparison.format(p.r()),
                p.counted(),
                p.reason() == null
                        ? null
                        : context.messages.format("weights_reason_" + p.reason().replace('-', '_')),
                bytes(p.model()),
                bytes(p.base()));
    }

    /** The exact bytes read: file, first and last byte, SHA-256; digits as they are, to copy. */
    private String bytes(WeightsFingerprint.SampledTensor t) {
        return context.messages.format(
                "weights_bytes",
                t.file(),
                Long.toString(t.offset()),
                Long.toString(t.offset() + t.length() - 1),
                t.dtype(),
                t.sha256());
    }

    /** Correlation against layer for every counted tensor that belongs to a layer. */
    private WeightsPlot plot(WeightsComparison w, String baseLabel) {
        List<WeightsComparison.Pair> layered =
                w.pairs().stream().filter(p -> p.counted() && p.model().layer() != null).toList();
        if (layered.isEmpty()) {
            return null;
        }
        int layers = layered.stream().mapToInt(p -> p.model().layer()).max().orElse(0) + 1;
        double plotWidth = WIDTH - LEFT - RIGHT;
        List<PlotLine> axes =
                List.of(
                        new PlotLine(n(LEFT), n(TOP), n(LEFT), n(y(-1)), "axis"),
                        new PlotLine(n(LEFT), n(y(-1)), n(WIDTH - RIGHT), n(y(-1)), "axis"));
        List<PlotLine> guides = new ArrayList<>();
        guides.add(new PlotLine(n(LEFT), n(y(0)), n(WIDTH - RIGHT), n(y(0)), "zero"));
        rule.ifPresent(
                r -> {
                    guides.add(
                            new PlotLine(
                                    n(LEFT),
                                    n(y(r.correlatedR())),
                                    n(WIDTH - RIGHT),
                                    n(y(r.correlatedR())),
                                    "threshold"));
                    for (double band : new double[] {r.independentR(), -r.independentR()}) {
                        guides.add(
                                new PlotLine(
                                        n(LEFT), n(y(band)), n(WIDTH - RIGHT), n(y(band)), "band"));
                    }
                });
        List<PlotText> labels = new ArrayList<>();
        for (int tick : new int[] {1, 0, -1}) {
            labels.add(
                    new PlotText(
                            n(LEFT - 6),
                            n(y(tick) + 4),
                            "end",
                            tick < 0 ? "−1" : Integer.toString(tick)));
        }
        labels.add(new PlotText(n(x(0, layers, plotWidth)), n(HEIGHT - 18), "middle", "0"));
        if (layers > 1) {
            labels.add(
                    new PlotText(
                            n(x(layers - 1, layers, plotWidth)),
                            n(HEIGHT - 18),
                            "middle",
                            Integer.toString(layers - 1)));
        }
        labels.add(
                new PlotText(
                        n(LEFT + plotWidth / 2),
                        n(HEIGHT - 4),
                        "middle",
                        context.messages.format("weights_plot_layer")));
        List<PlotPoint> points = new ArrayList<>();
        for (WeightsComparison.Pair p : layered) {
            String kind =
                    p.identical()
                            ? "identical"
                            : rule.map(
                                            r ->
                                                    p.r() >= r.correlatedR()
                                                            ? "correlated"
                                                            : Math.abs(p.r()) < r.independentR()
                                                                    ? "independent"
                                                                    : "between")
                                    .orElse("between");
            points.add(
                    new PlotPoint(
                            n(x(p.model().layer(), layers, plotWidth)),
                            n(y(p.r())),
                            kind,
                            p.model().name()
                                    + ": r = "
                                    + WeightsComparison.format(p.r())
                                    + (p.identical()
                                            ? " ("
                                                    + context.messages.format("weights_identical")
                                                    + ")"
                                            : "")));
        }
        return new WeightsPlot(
                WIDTH,
                HEIGHT,
                context.messages.format("weights_plot_title", baseLabel),
                context.messages.format(
                        "weights_plot_description",
                        context.language.number(points.size()),
                        context.language.number(layers)),
                axes,
                guides,
                labels,
                points);
    }

    private static double x(int layer, int layers, double plotWidth) {
        return LEFT + (layer + 0.5) / layers * plotWidth;
    }

    private static double y(double r) {
        return TOP + (1 - r) / 2 * (HEIGHT - TOP - BOTTOM);
    }

    /** A coordinate with one decimal and a dot, whatever the page's language. */
    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
